using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Boot.Multiboot2;

namespace Cosmos.Kernel.Memory
{
    // The kernel's page-frame allocator, built once from the boot information. Its bookkeeping lives in physical
    // pages the plan sets aside, written through the direct map; the allocator exists before the kernel's own page
    // tables do, so the bookkeeping is planned below the boot direct map's end. Every processor allocates through
    // Frames, which locks; Allocator itself is for the boot processor's start-up and for statistics.
    public static unsafe class PhysicalMemory
    {
        public static PhysicalMemoryPlan Plan { get; private set; }
        public static PageFrameAllocator Allocator { get; private set; }
        public static LockedPageFrames Frames { get; private set; }

        public static void Initialize(Multiboot2Info bootInfo)
        {
            Plan = PhysicalMemoryPlan.Create(bootInfo.MemoryMap, KernelImage.PhysicalLoadBase, KernelImage.PhysicalEnd,
                                             bootInfo.Modules, DirectMap.BootSize);
            Allocator = new PageFrameAllocator(Plan, (ulong*)DirectMap.ToVirtual(Plan.Bookkeeping.StartAddress));
            Frames = new LockedPageFrames(Allocator);
        }

        // Zeroed, contiguous memory for a kernel structure's bookkeeping (bitmaps, a mark stack), reached through the
        // direct map, kept for good: for what must exist without the heap.
        public static ulong* AllocateZeroed(int bytes)
        {
            int pages = (bytes + (int)PageRange.PageSize - 1) / (int)PageRange.PageSize;
            ulong physical = Frames.AllocateContiguous(pages, PageRange.PageSize, PageFrameAllocator.NoLimit);
            if (physical == 0)
                throw new System.InvalidOperationException("physical memory: no " + pages.ToString() + " contiguous pages for kernel bookkeeping");
            var memory = (ulong*)DirectMap.ToVirtual(physical);
            for (int i = 0; i < pages * (int)PageRange.PageSize / sizeof(ulong); i++) memory[i] = 0;
            return memory;
        }
    }
}
