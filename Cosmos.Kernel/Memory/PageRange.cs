namespace Cosmos.Kernel.Memory
{
    // A run of physical pages [First, End), in page numbers (physical address / 4096).
    public readonly struct PageRange
    {
        public const ulong PageSize = 4096;
        const int PageShift = 12;

        public PageRange(ulong first, ulong end)
        {
            First = first;
            End = end < first ? first : end;
        }

        public ulong First { get; }
        public ulong End { get; }
        public ulong Count => End - First;
        public bool IsEmpty => End == First;

        public ulong StartAddress => First << PageShift;
        public ulong EndAddress => End << PageShift;

        // The pages wholly inside [start, end): how available memory is counted.
        public static PageRange Inside(ulong start, ulong end)
            => new PageRange((start >> PageShift) + ((start & (PageSize - 1)) != 0 ? 1UL : 0), end >> PageShift);

        // The pages touching [start, end): how reserved memory is counted.
        public static PageRange Covering(ulong start, ulong end)
            => end <= start ? new PageRange(start >> PageShift, start >> PageShift)
                            : new PageRange(start >> PageShift, (end >> PageShift) + ((end & (PageSize - 1)) != 0 ? 1UL : 0));

        public bool Contains(ulong page) => page >= First && page < End;

        public override string ToString() => "[0x" + StartAddress.ToString("x") + ", 0x" + EndAddress.ToString("x") + ")";
    }
}
