namespace Cosmos.Kernel.Loader
{
    // A PT_LOAD segment of a program: MemorySize bytes at VirtualAddress, the first FileSize of them copied from the
    // file at FileOffset and the rest zero. Always readable; writable or executable (never both) as its flags say.
    public readonly struct ElfSegment
    {
        public ElfSegment(ulong virtualAddress, ulong memorySize, ulong fileOffset, ulong fileSize, bool writable, bool executable)
        {
            VirtualAddress = virtualAddress;
            MemorySize = memorySize;
            FileOffset = fileOffset;
            FileSize = fileSize;
            Writable = writable;
            Executable = executable;
        }

        public ulong VirtualAddress { get; }
        public ulong MemorySize { get; }
        public ulong FileOffset { get; }
        public ulong FileSize { get; }
        public bool Writable { get; }
        public bool Executable { get; }

        // The first byte of its first page and the first byte past its last page.
        public ulong PageStart => VirtualAddress & ~(ElfImage.PageSize - 1);
        public ulong PageEnd => (VirtualAddress + MemorySize + ElfImage.PageSize - 1) & ~(ElfImage.PageSize - 1);
    }
}
