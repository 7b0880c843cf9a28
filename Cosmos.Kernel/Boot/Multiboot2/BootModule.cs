namespace Cosmos.Kernel.Boot.Multiboot2
{
    // A file GRUB loaded next to the kernel (multiboot2 tag 3): physical [Start, End) and its command line.
    public readonly struct BootModule
    {
        public BootModule(ulong start, ulong end, string commandLine)
        {
            Start = start;
            End = end;
            CommandLine = commandLine;
        }

        public ulong Start { get; }
        public ulong End { get; }
        public string CommandLine { get; }
        public ulong Size => End - Start;
    }
}
