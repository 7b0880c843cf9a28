namespace Cosmos.Emulation;

// gdb attached to QEMU's stub, stopped where the kernel's C# starts. The architecture must be set before connecting
// (the CPU starts in 32-bit mode), and the breakpoint must be a hardware one: GRUB overwrites memory when it loads the
// kernel, software breakpoints included.
public static class GdbCommand
{
    public const string Program = "gdb";

    public const string EntryPoint = "cosmos_kernel_main";

    public static IReadOnlyList<string> For(string kernelElf, int port) =>
    [
        "-q", kernelElf,
        "-ex", "set architecture i386:x86-64",
        "-ex", "target remote :" + port,
        "-ex", "hbreak " + EntryPoint,
        "-ex", "continue",
    ];
}
