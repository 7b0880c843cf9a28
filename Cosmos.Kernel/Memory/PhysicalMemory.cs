using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Boot.Multiboot2;

namespace Cosmos.Kernel.Memory
{
    // The kernel's page-frame allocator, built once from the boot information. Its bookkeeping lives in physical
    // pages the plan sets aside, written through the direct map; the allocator exists before the kernel's own page
    // tables do, so the bookkeeping is planned below the boot direct map's end.
    public static unsafe class PhysicalMemory
    {
        public static PhysicalMemoryPlan Plan { get; private set; }
        public static PageFrameAllocator Allocator { get; private set; }

        public static void Initialize(Multiboot2Info bootInfo)
        {
            Plan = PhysicalMemoryPlan.Create(bootInfo.MemoryMap, KernelImage.PhysicalLoadBase, KernelImage.PhysicalEnd,
                                             bootInfo.Modules, DirectMap.BootSize);
            Allocator = new PageFrameAllocator(Plan, (ulong*)DirectMap.ToVirtual(Plan.Bookkeeping.StartAddress));
        }
    }
}
