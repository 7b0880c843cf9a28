namespace Cosmos.Kernel.Memory.Heap
{
    // A range of virtual addresses [Start, End).
    public readonly struct MemoryRange
    {
        public MemoryRange(ulong start, ulong end)
        {
            Start = start;
            End = end;
        }

        public ulong Start { get; }
        public ulong End { get; }
    }
}
