using System;
using Cosmos.Kernel.Boot.Multiboot2;

namespace Cosmos.Kernel.Memory
{
    // Decides, from the firmware's memory map and what the boot left in memory, which physical pages the page-frame
    // allocator owns. Hardware-free: the host tests plan synthetic machines through the same code.
    //   Usable    = pages wholly inside "available" map entries, minus pages touching any other entry (the map may
    //               be unsorted and overlapping; a reserved claim always wins)
    //   Reserved  = usable pages the allocator never hands out: below 1 MiB, the kernel image, the module pages not
    //               wholly inside a module, and the allocator's own bookkeeping
    //   Modules   = usable pages wholly inside a boot module: owned but held until the kernel releases the modules
    //   Zones     = Usable - Reserved: the pages the allocator manages (module pages included, as in use)
    //   LowMemory = usable pages below 1 MiB except page 0: reserved, but lent to callers that need memory there
    //               (the SMP trampoline), never to anyone else
    public sealed class PhysicalMemoryPlan
    {
        public const ulong LowMemoryEnd = 1UL << 20;

        PhysicalMemoryPlan() { }

        public PageRangeSet Usable { get; private set; }
        public PageRangeSet Zones { get; private set; }
        public PageRangeSet Modules { get; private set; }
        public PageRangeSet LowMemory { get; private set; }
        public PageRange Bookkeeping { get; private set; }
        public ulong TotalPages => Usable.PageCount;
        public ulong ModulePages => Modules.PageCount;
        public ulong ReservedPages => TotalPages - Zones.PageCount;

        // One past the highest usable byte: how far a map of all memory must reach.
        public ulong EndAddress => Usable.Count == 0 ? 0 : Usable[Usable.Count - 1].EndAddress;

        // Available entries that overlap or touch are merged as bytes first, then rounded inward: a page split between
        // two entries at an unaligned address is still wholly available.
        static PageRangeSet AvailablePages(MemoryMapEntry[] memoryMap)
        {
            int count = 0;
            foreach (MemoryMapEntry entry in memoryMap)
                if (entry.Kind == MemoryRegionKind.Available) count++;
            var available = new MemoryMapEntry[count];
            count = 0;
            foreach (MemoryMapEntry entry in memoryMap)
                if (entry.Kind == MemoryRegionKind.Available) available[count++] = entry;
            Array.Sort(available, (a, b) => a.BaseAddress.CompareTo(b.BaseAddress));

            var pages = new PageRangeSet();
            for (int i = 0; i < available.Length;)
            {
                ulong start = available[i].BaseAddress, end = available[i].EndAddress;
                for (i++; i < available.Length && available[i].BaseAddress <= end; i++)
                    if (available[i].EndAddress > end) end = available[i].EndAddress;
                pages.Add(PageRange.Inside(start, end));
            }
            return pages;
        }

        static PageRangeSet Single(PageRange range)
        {
            var set = new PageRangeSet();
            set.Add(range);
            return set;
        }

        // kernelStart/kernelEnd: the kernel image's physical extent. modules: each boot module's physical extent.
        // bookkeepingLimit: the bookkeeping must lie below this address (the kernel must be able to reach it).
        public static PhysicalMemoryPlan Create(MemoryMapEntry[] memoryMap, ulong kernelStart, ulong kernelEnd,
                                                BootModule[] modules, ulong bookkeepingLimit)
        {
            PageRangeSet usable = AvailablePages(memoryMap);
            foreach (MemoryMapEntry entry in memoryMap)
                if (entry.Kind != MemoryRegionKind.Available) usable.Remove(PageRange.Covering(entry.BaseAddress, entry.EndAddress));

            var eligible = usable.Clone();
            eligible.Remove(PageRange.Covering(0, LowMemoryEnd));
            eligible.Remove(PageRange.Covering(kernelStart, kernelEnd));
            var zones = eligible.Clone();
            var insideModules = new PageRangeSet();
            foreach (BootModule module in modules)
            {
                zones.Remove(PageRange.Covering(module.Start, module.End));    // a module's partial pages stay reserved
                insideModules.Add(PageRange.Inside(module.Start, module.End));
            }
            PageRangeSet modulePages = insideModules.Intersect(eligible);
            for (int i = 0; i < modulePages.Count; i++) zones.Add(modulePages[i]);

            var lowMemory = usable.Intersect(Single(PageRange.Covering(PageRange.PageSize, LowMemoryEnd)));
            lowMemory.Remove(PageRange.Covering(kernelStart, kernelEnd));
            foreach (BootModule module in modules) lowMemory.Remove(PageRange.Covering(module.Start, module.End));

            PageRange bookkeeping = PlaceBookkeeping(zones, lowMemory, modulePages, bookkeepingLimit);
            zones.Remove(bookkeeping);
            return new PhysicalMemoryPlan
            {
                Usable = usable, Zones = zones, Modules = modulePages, LowMemory = lowMemory, Bookkeeping = bookkeeping,
            };
        }

        // At the top of the highest stretch of free zone pages below the limit that is large enough. The size is
        // computed for the zones before the bookkeeping is carved out of them; carving may split one zone in two,
        // which costs at most a word per bitmap level more, hence the slack.
        static PageRange PlaceBookkeeping(PageRangeSet zones, PageRangeSet lowMemory, PageRangeSet modulePages, ulong limit)
        {
            const ulong SplitSlackBytes = 16 * sizeof(ulong);
            ulong bytes = PageFrameAllocator.BookkeepingBytes(zones) + PageFrameAllocator.BookkeepingBytes(lowMemory) + SplitSlackBytes;
            ulong pages = (bytes + PageRange.PageSize - 1) / PageRange.PageSize;
            var candidates = zones.Clone();
            candidates.RemoveAll(modulePages);
            ulong limitPage = limit / PageRange.PageSize;
            for (int i = candidates.Count - 1; i >= 0; i--)
            {
                PageRange range = candidates[i];
                ulong end = range.End < limitPage ? range.End : limitPage;
                if (end > range.First && end - range.First >= pages) return new PageRange(end - pages, end);
            }
            throw new InvalidOperationException("physical memory: no room below 0x" + limit.ToString("x") + " for the page-frame allocator's "
                                                + pages.ToString() + " pages of bookkeeping");
        }
    }
}
