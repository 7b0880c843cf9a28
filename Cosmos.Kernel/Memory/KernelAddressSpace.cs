using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;

namespace Cosmos.Kernel.Memory
{
    // The kernel half of every address space, built at boot to replace the boot code's tables:
    //   - the image, section by section, with no more than each needs: text read+execute, rodata read-only, data and
    //     bss read+write and never executable, the stack guard pages left unmapped;
    //   - the direct map of all physical memory, read+write, never executable, with 2 MiB pages;
    //   - whatever the kernel maps later (the heap) through Map/Unmap/Protect, which keep the TLB in step.
    // Every root entry of the upper half gets its PDPT at boot, and processes' tables share those PDPTs, so a kernel
    // mapping made at any time is seen in every address space (one MiB of tables buys never synchronising roots).
    // Every kernel mapping is global. See docs/memory-layout.md.
    public static unsafe class KernelAddressSpace
    {
        static PageTable s_table;

        // physicalMemoryEnd: one past the highest byte of RAM. The direct map covers at least the first 4 GiB, where
        // firmware tables and device registers live.
        public static void Initialize(ulong physicalMemoryEnd)
        {
            CpuFeatures.Enable();
            PageTable table = PageTable.Create((byte*)DirectMap.Base, DirectMap.End, PhysicalMemory.Allocator, CpuFeatures.NoExecute);
            if (table == null) throw new System.InvalidOperationException("kernel address space: no memory for the root table");
            MapImage(table);
            ulong directMapEnd = AlignUp(physicalMemoryEnd > DirectMap.BootSize ? physicalMemoryEnd : DirectMap.BootSize, PageTable.LargePageSize);
            for (ulong physical = 0; physical < directMapEnd; physical += PageTable.LargePageSize)
                Require(table.MapLarge(DirectMap.Base + physical, physical, PageAttributes.Writable | PageAttributes.Global));
            Cpu.WriteCr3(table.RootAddress);
            CpuFeatures.EnableGlobalPages();
            DirectMap.Extend(directMapEnd);
            table.ExtendWindow(PageFrameAllocator.NoLimit);
            Require(table.ReserveUpperHalf());
            s_table = table;
        }

        // The PML4's physical address: what CR3 holds whenever no process's address space is active.
        public static ulong RootAddress => s_table.RootAddress;

        // The page table of a new process's address space, sharing this kernel half; null when memory is out.
        public static PageTable CreateProcessTable() => s_table.CreateSharingUpperHalf();

        static void MapImage(PageTable table)
        {
            ulong rodata = KernelImage.RodataStart(), data = KernelImage.DataStart();
            ulong bootStackGuard = KernelImage.BootStackGuard(), faultStackGuard = KernelImage.FaultStackGuard();
            for (ulong page = KernelImage.TextStart(); page < KernelImage.VirtualEnd; page += PageTable.PageSize)
            {
                if (page == bootStackGuard || page == faultStackGuard) continue;
                PageAttributes attributes = page < rodata ? PageAttributes.Executable
                                          : page < data ? PageAttributes.ReadOnly
                                          : PageAttributes.Writable;
                Require(table.Map(page, KernelImage.VirtualToPhysical(page), attributes | PageAttributes.Global));
            }
        }

        // Maps a kernel page (global); false when there is no memory for a page table.
        public static bool Map(ulong virtualAddress, ulong physicalAddress, PageAttributes attributes)
            => s_table.Map(virtualAddress, physicalAddress, attributes | PageAttributes.Global);

        // Unmaps a kernel page and returns its physical address (the frame is the caller's to free).
        public static ulong Unmap(ulong virtualAddress)
        {
            ulong physical = s_table.Unmap(virtualAddress);
            Cpu.InvalidatePage(virtualAddress);
            return physical;
        }

        public static void Protect(ulong virtualAddress, PageAttributes attributes)
        {
            s_table.Protect(virtualAddress, attributes | PageAttributes.Global);
            Cpu.InvalidatePage(virtualAddress);
        }

        public static bool TryQuery(ulong virtualAddress, out PageMapping mapping) => s_table.TryQuery(virtualAddress, out mapping);

        // At boot there is memory for the tables, or nothing can run at all.
        static void Require(bool mapped)
        {
            if (!mapped) throw new System.InvalidOperationException("kernel address space: out of memory while building the kernel's page tables");
        }

        static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
    }
}
