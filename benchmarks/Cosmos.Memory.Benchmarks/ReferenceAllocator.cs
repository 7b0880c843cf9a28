using System.Numerics;
using Cosmos.Kernel.Memory;

namespace Cosmos.Memory.Benchmarks
{
    // The reference kernel's algorithm, re-implemented plainly: one flat bitmap per physical range (bit set = in use)
    // and a free counter per range. An allocation walks the ranges in address order and each bitmap's words from the
    // start for the first clear bit; a contiguous allocation scans linearly for `count` consecutive clear bits at an
    // aligned start. Full ranges are skipped by their counter (generous to the baseline).
    sealed class ReferenceAllocator
    {
        sealed class Range
        {
            public ulong FirstPage;
            public int PageCount;
            public ulong[] Used;
            public int Free;
        }

        readonly Range[] _ranges;

        public ReferenceAllocator(PageRangeSet zones)
        {
            _ranges = new Range[zones.Count];
            for (int i = 0; i < zones.Count; i++)
            {
                int count = (int)zones[i].Count;
                var used = new ulong[(count + 63) / 64];
                for (int bit = count; bit < used.Length * 64; bit++) used[bit >> 6] |= 1UL << bit;   // tail bits: never free
                _ranges[i] = new Range { FirstPage = zones[i].First, PageCount = count, Used = used, Free = count };
            }
        }

        public void MarkUsed(ulong page)
        {
            foreach (Range r in _ranges)
                if (page >= r.FirstPage && page < r.FirstPage + (ulong)r.PageCount)
                {
                    int bit = (int)(page - r.FirstPage);
                    r.Used[bit >> 6] |= 1UL << bit;
                    r.Free--;
                    return;
                }
        }

        public ulong AllocatePage()
        {
            foreach (Range r in _ranges)
            {
                if (r.Free == 0) continue;
                ulong[] used = r.Used;
                for (int w = 0; w < used.Length; w++)
                {
                    if (used[w] == ulong.MaxValue) continue;
                    int bit = w * 64 + BitOperations.TrailingZeroCount(~used[w]);
                    used[w] |= 1UL << bit;
                    r.Free--;
                    return (r.FirstPage + (ulong)bit) * PageRange.PageSize;
                }
            }
            return 0;
        }

        public ulong AllocateContiguous(int count, ulong alignment)
        {
            ulong alignPages = alignment / PageRange.PageSize;
            foreach (Range r in _ranges)
            {
                if (r.Free < count) continue;
                ulong[] used = r.Used;
                ulong start = (r.FirstPage + alignPages - 1) & ~(alignPages - 1);
                while (start + (ulong)count <= r.FirstPage + (ulong)r.PageCount)
                {
                    int first = (int)(start - r.FirstPage), i = 0;
                    while (i < count && (used[(first + i) >> 6] & (1UL << (first + i))) == 0) i++;
                    if (i == count)
                    {
                        for (int k = 0; k < count; k++) used[(first + k) >> 6] |= 1UL << (first + k);
                        r.Free -= count;
                        return start * PageRange.PageSize;
                    }
                    ulong next = r.FirstPage + (ulong)(first + i) + 1;           // past the page in use
                    start = (next + alignPages - 1) & ~(alignPages - 1);
                }
            }
            return 0;
        }

        public void Free(ulong address, int count)
        {
            ulong page = address / PageRange.PageSize;
            foreach (Range r in _ranges)
                if (page >= r.FirstPage && page < r.FirstPage + (ulong)r.PageCount)
                {
                    for (int k = 0; k < count; k++)
                    {
                        int bit = (int)(page - r.FirstPage) + k;
                        r.Used[bit >> 6] &= ~(1UL << bit);
                    }
                    r.Free += count;
                    return;
                }
        }
    }
}
