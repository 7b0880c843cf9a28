using System;

namespace Cosmos.Kernel.Memory
{
    // Owns every physical page of the plan's zones and hands them out one at a time or as aligned contiguous runs.
    // Each zone keeps a PageBitmap of its free pages, so a single-page allocation or free costs a few word operations
    // at any fill level. Plain allocations come from the top of memory, keeping low memory for the callers that need
    // it (DMA below 16 MiB or 4 GiB), which ask with a limit and are served from the bottom. Memory below 1 MiB is a
    // separate pool, counted as reserved, that only a limit at or below 1 MiB reaches (the SMP trampoline).
    // Freeing a page that is not allocated, not owned, or part of an unreleased boot module throws.
    // Not thread-safe: the kernel shares it through LockedPageFrames.
    public sealed unsafe class PageFrameAllocator : IPageFrames
    {
        public const ulong PageSize = PageRange.PageSize;
        public const ulong NoLimit = ulong.MaxValue;

        sealed class Zone
        {
            public ulong FirstPage;
            public int PageCount;
            public PageBitmap Free;
            public bool IsLowMemory;                // lent only on request; never counted as free
            public bool Contains(ulong page) => page >= FirstPage && page - FirstPage < (ulong)PageCount;
        }

        readonly Zone[] _zones;                 // ascending addresses
        PageRangeSet _heldModules;
        readonly ulong _totalPages;
        readonly ulong _reservedPages;
        ulong _freePages;

        // bookkeeping: where the plan's Bookkeeping pages can be written (the kernel passes their direct-map address).
        public PageFrameAllocator(PhysicalMemoryPlan plan, ulong* bookkeeping)
        {
            ulong words = (BookkeepingBytes(plan.Zones) + BookkeepingBytes(plan.LowMemory)) / sizeof(ulong);
            for (ulong i = 0; i < words; i++) bookkeeping[i] = 0;

            _zones = new Zone[plan.LowMemory.Count + plan.Zones.Count];
            ulong* storage = bookkeeping;
            for (int i = 0; i < _zones.Length; i++)
            {
                bool low = i < plan.LowMemory.Count;
                PageRange range = low ? plan.LowMemory[i] : plan.Zones[i - plan.LowMemory.Count];
                var zone = new Zone { FirstPage = range.First, PageCount = (int)range.Count, IsLowMemory = low };
                zone.Free = new PageBitmap(storage, zone.PageCount);
                storage += PageBitmap.StorageWords(zone.PageCount);
                for (int page = 0; page < zone.PageCount; page++)
                {
                    if (plan.Modules.Contains(zone.FirstPage + (ulong)page)) continue;
                    zone.Free.Set(page);
                    if (!low) _freePages++;
                }
                _zones[i] = zone;
            }
            _heldModules = plan.Modules.Clone();
            _totalPages = plan.TotalPages;
            _reservedPages = plan.ReservedPages;
        }

        public static ulong BookkeepingBytes(PageRangeSet zones)
        {
            ulong words = 0;
            for (int i = 0; i < zones.Count; i++) words += (ulong)PageBitmap.StorageWords((int)zones[i].Count);
            return words * sizeof(ulong);
        }

        public PhysicalMemoryStatistics Statistics
            => new PhysicalMemoryStatistics(_totalPages, _freePages, _reservedPages, _heldModules.PageCount);

        // A free page's physical address, or 0 when memory is exhausted (page 0 is never owned).
        public ulong AllocatePage()
        {
            for (int i = _zones.Length - 1; i >= 0 && !_zones[i].IsLowMemory; i--)
            {
                int page = _zones[i].Free.FindLast();
                if (page >= 0) return Take(_zones[i], page, 1);
            }
            return 0;
        }

        // A free page wholly below `limit`, or 0.
        public ulong AllocatePageBelow(ulong limit)
        {
            foreach (Zone zone in _zones)
            {
                if (!Reaches(zone, limit)) continue;
                int page = zone.Free.FindFirst();
                if (page < 0) continue;
                if (EndAddress(zone, page, 1) > limit) return 0;   // zones ascend: nothing lower remains
                return Take(zone, page, 1);
            }
            return 0;
        }

        // `pageCount` contiguous free pages starting at a multiple of `alignment` bytes (a power of two, at least a
        // page) and ending at or below `limit`; 0 when there is no such run.
        public ulong AllocateContiguous(int pageCount, ulong alignment, ulong limit)
        {
            if (pageCount <= 0) throw new ArgumentOutOfRangeException(nameof(pageCount));
            if (alignment < PageSize || (alignment & (alignment - 1)) != 0) throw new ArgumentException("alignment must be a power of two of at least a page");
            ulong alignmentPages = alignment / PageSize;
            if (alignmentPages > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(alignment));
            foreach (Zone zone in _zones)
            {
                if (!Reaches(zone, limit)) continue;
                int start = zone.Free.FindRun(pageCount, (int)alignmentPages, (int)(zone.FirstPage % alignmentPages));
                if (start < 0) continue;
                if (EndAddress(zone, start, pageCount) > limit) return 0;   // zones ascend: nothing lower remains
                return Take(zone, start, pageCount);
            }
            return 0;
        }

        public void FreePage(ulong address) => FreeContiguous(address, 1);

        // Frees pages [address, address + pageCount * PageSize). Checks them all before changing anything.
        public void FreeContiguous(ulong address, int pageCount)
        {
            if (pageCount <= 0) throw new ArgumentOutOfRangeException(nameof(pageCount));
            if ((address & (PageSize - 1)) != 0) throw new ArgumentException("physical memory: freeing 0x" + address.ToString("x") + ", which is not page aligned");
            ulong firstPage = address / PageSize;
            Zone zone = ZoneOf(firstPage);
            for (int i = 0; i < pageCount; i++)
            {
                ulong page = firstPage + (ulong)i;
                if (zone == null || !zone.Contains(page))
                    throw new InvalidOperationException("physical memory: freeing page 0x" + (page * PageSize).ToString("x") + ", which the allocator does not own");
                if (_heldModules.Contains(page))
                    throw new InvalidOperationException("physical memory: freeing page 0x" + (page * PageSize).ToString("x") + " of a boot module that has not been released");
                if (zone.Free.IsSet((int)(page - zone.FirstPage)))
                    throw new InvalidOperationException("physical memory: double free of page 0x" + (page * PageSize).ToString("x"));
            }
            for (int i = 0; i < pageCount; i++) zone.Free.Set((int)(firstPage - zone.FirstPage) + i);
            if (!zone.IsLowMemory) _freePages += (ulong)pageCount;
        }

        // Gives the boot modules' pages to the allocator, once the kernel has copied out what it needs.
        public void ReleaseModules()
        {
            // Taken out of the set before they are freed (FreeContiguous refuses held pages), onto the stack: allocating
            // here could commit kernel heap pages, which would show as part of the release.
            Span<PageRange> held = stackalloc PageRange[_heldModules.Count];
            for (int i = 0; i < held.Length; i++) held[i] = _heldModules[i];
            _heldModules.Clear();
            foreach (PageRange range in held) FreeContiguous(range.StartAddress, (int)range.Count);
        }

        ulong Take(Zone zone, int firstPage, int pageCount)
        {
            for (int i = 0; i < pageCount; i++) zone.Free.Clear(firstPage + i);
            if (!zone.IsLowMemory) _freePages -= (ulong)pageCount;
            return (zone.FirstPage + (ulong)firstPage) * PageSize;
        }

        // Low memory serves only callers whose limit keeps them below 1 MiB.
        static bool Reaches(Zone zone, ulong limit) => !zone.IsLowMemory || limit <= PhysicalMemoryPlan.LowMemoryEnd;

        static ulong EndAddress(Zone zone, int page, int pageCount) => (zone.FirstPage + (ulong)page + (ulong)pageCount) * PageSize;

        Zone ZoneOf(ulong page)
        {
            int low = 0, high = _zones.Length - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                Zone zone = _zones[middle];
                if (page < zone.FirstPage) high = middle - 1;
                else if (zone.Contains(page)) return zone;
                else low = middle + 1;
            }
            return null;
        }
    }
}
