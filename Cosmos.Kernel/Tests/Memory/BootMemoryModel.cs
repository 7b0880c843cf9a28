using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Boot.Multiboot2;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Tests.Memory
{
    // An independent, page-by-page reading of the memory map GRUB gave this boot, written plainly so that the tests can
    // hold the allocator (which works in ranges) against it.
    static class BootMemoryModel
    {
        const ulong PageSize = 4096;

        static MemoryMapEntry[] Map => KernelMain.BootInfo.MemoryMap;

        // A page is usable when an available entry holds all of it and no other entry touches it.
        public static bool IsUsable(ulong page)
        {
            ulong start = page * PageSize, end = start + PageSize;
            bool inAvailable = false;
            foreach (MemoryMapEntry entry in Map)
            {
                if (entry.Kind == MemoryRegionKind.Available)
                {
                    if (entry.BaseAddress <= start && entry.EndAddress >= end) inAvailable = true;
                }
                else if (entry.BaseAddress < end && entry.EndAddress > start) return false;
            }
            return inAvailable;
        }

        // Usable but never handed out: low memory, the kernel, partial module pages, the allocator's bookkeeping.
        public static bool IsReserved(ulong page)
        {
            ulong start = page * PageSize, end = start + PageSize;
            if (end <= PhysicalMemoryPlan.LowMemoryEnd) return true;
            if (Touches(start, end, KernelImage.PhysicalLoadBase, KernelImage.PhysicalEnd)) return true;
            foreach (BootModule module in KernelMain.BootInfo.Modules)
                if (Touches(start, end, module.Start, module.End) && !(module.Start <= start && module.End >= end)) return true;
            return PhysicalMemory.Plan.Bookkeeping.Contains(page);
        }

        // One past the highest usable page.
        public static ulong PageLimit
        {
            get
            {
                ulong limit = 0;
                foreach (MemoryMapEntry entry in Map)
                    if (entry.Kind == MemoryRegionKind.Available && entry.EndAddress / PageSize > limit) limit = entry.EndAddress / PageSize;
                return limit;
            }
        }

        static bool Touches(ulong start, ulong end, ulong rangeStart, ulong rangeEnd) => rangeStart < end && rangeEnd > start;
    }
}
