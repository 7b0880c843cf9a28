using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Boot;

namespace Cosmos.Kernel.Memory
{
    // The kernel half of every address space, built at boot to replace the boot code's tables:
    //   - the image, section by section, with no more than each needs: text read+execute, rodata read-only, data and
    //     bss read+write and never executable, the stack guard pages left unmapped;
    //   - the direct map of all physical memory, read+write, never executable, with 2 MiB pages;
    //   - whatever the kernel maps later (the heap, stacks) through Map/Unmap/Protect, which take turns under one
    //     InterruptSpinLock and keep every processor's TLB in step (TlbShootdown, after the lock is released).
    // Every root entry of the upper half gets its PDPT at boot, and processes' tables share those PDPTs, so a kernel
    // mapping made at any time is seen in every address space (one MiB of tables buys never synchronising roots).
    // Every kernel mapping is global. See docs/memory-layout.md.
    public static unsafe class KernelAddressSpace
    {
        static PageTable s_table;
        static InterruptSpinLock s_lock;

        // physicalMemoryEnd: one past the highest byte of RAM. The direct map covers at least the first 4 GiB, where
        // firmware tables and device registers live.
        public static void Initialize(ulong physicalMemoryEnd)
        {
            CpuFeatures.Enable();
            PageTable table = PageTable.Create((byte*)DirectMap.Base, DirectMap.End, PhysicalMemory.Frames, CpuFeatures.NoExecute);
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

        // The page table of a new process's address space, sharing this kernel half; null when memory is out. It
        // needs no lock: the root entries it copies never change after boot.
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

        // Maps a kernel page (global); false when there is no memory for a page table. A page that was not mapped is
        // in no TLB, so no other processor needs telling.
        public static bool Map(ulong virtualAddress, ulong physicalAddress, PageAttributes attributes)
        {
            s_lock.Acquire();
            bool mapped = s_table.Map(virtualAddress, physicalAddress, attributes | PageAttributes.Global);
            s_lock.Release();
            return mapped;
        }

        // Unmaps `pageCount` kernel pages from `virtualAddress` and frees their frames, once no processor's TLB
        // reaches them any more (one shootdown per batch of pages). The page tables stay, empty or not: another
        // processor may hold them in its paging-structure caches, and the areas that unmap (heap, stacks) will use them
        // again.
        public static void UnmapAndFree(ulong virtualAddress, int pageCount)
        {
            const int Batch = 32;
            ulong* frames = stackalloc ulong[Batch];
            for (int done = 0; done < pageCount; done += Batch)
            {
                int count = pageCount - done < Batch ? pageCount - done : Batch;
                s_lock.Acquire();
                for (int i = 0; i < count; i++) frames[i] = s_table.Unmap(virtualAddress + (ulong)(done + i) * PageTable.PageSize, freeEmptyTables: false);
                s_lock.Release();
                for (int i = 0; i < count; i++) Cpu.InvalidatePage(virtualAddress + (ulong)(done + i) * PageTable.PageSize);
                TlbShootdown.FlushOthers();
                for (int i = 0; i < count; i++) PhysicalMemory.Frames.FreePage(frames[i]);
            }
        }

        public static void Protect(ulong virtualAddress, PageAttributes attributes)
        {
            s_lock.Acquire();
            s_table.Protect(virtualAddress, attributes | PageAttributes.Global);
            s_lock.Release();
            Cpu.InvalidatePage(virtualAddress);
            TlbShootdown.FlushOthers();
        }

        // The pages the kernel's page tables take; they only grow after boot (UnmapAndFree keeps them).
        public static int TablePages => s_table.TablePages;

        public static bool TryQuery(ulong virtualAddress, out PageMapping mapping)
        {
            s_lock.Acquire();
            bool mapped = s_table.TryQuery(virtualAddress, out mapping);
            s_lock.Release();
            return mapped;
        }

        // At boot there is memory for the tables, or nothing can run at all.
        static void Require(bool mapped)
        {
            if (!mapped) throw new System.InvalidOperationException("kernel address space: out of memory while building the kernel's page tables");
        }

        static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
    }
}
