namespace Cosmos.Kernel.Memory
{
    // The kernel heap's counters: bytes in object slots, pages backing them, spans, bytes allocated since boot, and
    // collections with their pauses in time-stamp-counter cycles.
    public readonly struct HeapStatistics
    {
        public HeapStatistics(ulong bytesInUse, ulong committedPages, ulong spans, ulong bytesAllocated, ulong collections,
                              ulong lastPauseCycles, ulong longestPauseCycles)
        {
            BytesInUse = bytesInUse;
            CommittedPages = committedPages;
            Spans = spans;
            BytesAllocated = bytesAllocated;
            Collections = collections;
            LastPauseCycles = lastPauseCycles;
            LongestPauseCycles = longestPauseCycles;
        }

        public ulong BytesInUse { get; }
        public ulong CommittedPages { get; }
        public ulong Spans { get; }
        public ulong BytesAllocated { get; }
        public ulong Collections { get; }
        public ulong LastPauseCycles { get; }
        public ulong LongestPauseCycles { get; }

        public override string ToString()
            => "in-use=" + BytesInUse.ToString() + " committed=" + CommittedPages.ToString() + " spans=" + Spans.ToString()
               + " allocated=" + BytesAllocated.ToString() + " collections=" + Collections.ToString()
               + " last-pause=" + LastPauseCycles.ToString() + " longest-pause=" + LongestPauseCycles.ToString()
               + " (bytes, pages of 4 KiB, TSC cycles)";
    }
}
