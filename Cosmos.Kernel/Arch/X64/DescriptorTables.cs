namespace Cosmos.Kernel.Arch.X64
{
    // One processor's GDT and the TSS its descriptor points at (Gdt.Load fills and loads them): each processor needs
    // its own TSS, for its own interrupt stacks and the kernel stack of the user thread it runs.
    public unsafe struct DescriptorTables
    {
        public const int EntryCount = 7;                // null, 4 segments, and the 16-byte TSS descriptor

        public fixed ulong Entries[EntryCount];
        public TaskStateSegment Tss;
    }
}
