using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Tests.Memory
{
    static unsafe class KernelAddressSpaceTests
    {
        const ulong Page = PageTable.PageSize;

        // A kernel-half address nothing else uses (see docs/memory-layout.md).
        const ulong ScratchAddress = 0xFFFF_FF00_0000_0000;

        static ulong s_dataProbe;

        static bool Has(ulong address, PageAttributes expected, string what)
        {
            if (!KernelAddressSpace.TryQuery(address, out PageMapping mapping)) return Assert.Fail(what + " is not mapped");
            PageAttributes relevant = PageAttributes.Writable | PageAttributes.Executable | PageAttributes.User | PageAttributes.Global;
            return Assert.Equal((long)(expected | PageAttributes.Global), (long)(mapping.Attributes & relevant), what + ": attributes");
        }

        [KernelTest]
        internal static void TheCpuEnforcesNoExecute() => Assert.True(CpuFeatures.NoExecute, "the CPU supports NX and EFER.NXE is on");

        [KernelTest]
        internal static void ImageSectionsHaveNoMoreThanTheyNeed()
        {
            Has(KernelImage.TextStart(), PageAttributes.Executable, "the first text page");
            Has((ulong)(delegate*<void>)&ImageSectionsHaveNoMoreThanTheyNeed, PageAttributes.Executable, "this test's code");
            Has(KernelImage.RodataStart(), PageAttributes.ReadOnly, "the first rodata page");
            Has(KernelImage.DataStart() - Page, PageAttributes.ReadOnly, "the last rodata page");
            Has(KernelImage.DataStart(), PageAttributes.Writable, "the first data page");
            fixed (ulong* probe = &s_dataProbe) Has((ulong)probe, PageAttributes.Writable, "a static field");
            Has(KernelImage.BootStackTop() - Page, PageAttributes.Writable, "the boot stack");
            Has(KernelImage.VirtualEnd - Page, PageAttributes.Writable, "the last image page");
            Assert.False(KernelAddressSpace.TryQuery(KernelImage.BootStackGuard(), out _), "the boot stack's guard page is unmapped");
            Assert.False(KernelAddressSpace.TryQuery(KernelImage.FaultStackGuard(), out _), "the fault stack's guard page is unmapped");
            Assert.False(KernelAddressSpace.TryQuery(KernelImage.VirtualStart, out _), "the boot code is not mapped in the higher half");
        }

        [KernelTest]
        internal static void TheDirectMapReachesAllMemoryAndNeverExecutes()
        {
            ulong end = PhysicalMemory.Plan.EndAddress;
            Assert.True(DirectMap.End >= end, "the direct map ends at 0x" + DirectMap.End.ToString("x") + ", memory at 0x" + end.ToString("x"));
            if (!KernelAddressSpace.TryQuery(DirectMap.Base + end - Page, out PageMapping top)) { Assert.Fail("the last page of memory is not mapped"); return; }
            Assert.Equal(end - Page, top.PhysicalAddress, "the direct map's translation of the last page");
            Has(DirectMap.Base + end - Page, PageAttributes.Writable, "the direct map's last page");
            Has(DirectMap.Base, PageAttributes.Writable, "the direct map's first page");
        }

        [KernelTest]
        internal static void KernelPagesMapUnmapAndProtect()
        {
            LockedPageFrames frames = PhysicalMemory.Frames;
            // The scratch area's page tables are created once and its PDPT stays: count from after a first use.
            KernelAddressSpace.Map(ScratchAddress, frames.AllocatePage(), PageAttributes.Writable);
            KernelAddressSpace.UnmapAndFree(ScratchAddress, 1);
            ulong freeBefore = PhysicalMemory.Allocator.Statistics.FreePages;

            // The page counts are read before any assertion builds a message (messages take heap pages).
            ulong frame = frames.AllocatePage();
            if (!Assert.True(KernelAddressSpace.Map(ScratchAddress, frame, PageAttributes.Writable), "mapped")) return;
            *(ulong*)ScratchAddress = 0x0123456789ABCDEF;
            ulong throughDirectMap = *(ulong*)DirectMap.ToVirtual(frame);
            KernelAddressSpace.TryQuery(ScratchAddress, out PageMapping mapped);
            KernelAddressSpace.Protect(ScratchAddress, PageAttributes.ReadOnly);
            KernelAddressSpace.TryQuery(ScratchAddress, out PageMapping protectedMapping);
            ulong afterProtect = *(ulong*)ScratchAddress;
            KernelAddressSpace.UnmapAndFree(ScratchAddress, 1);
            bool stillMapped = KernelAddressSpace.TryQuery(ScratchAddress, out _);
            ulong freeAfter = PhysicalMemory.Allocator.Statistics.FreePages;

            Assert.Equal(0x0123456789ABCDEFUL, throughDirectMap, "the value written through the new mapping, read through the direct map");
            Assert.Equal((long)(PageAttributes.Writable | PageAttributes.Global), (long)mapped.Attributes, "the new mapping's attributes");
            Assert.Equal((long)PageAttributes.Global, (long)protectedMapping.Attributes, "read-only after Protect");
            Assert.Equal(0x0123456789ABCDEFUL, afterProtect, "the value survives a protection change");
            Assert.False(stillMapped, "unmapped");
            Assert.Equal(freeBefore, freeAfter, "free pages: the page and the tables it needed are back");
        }
    }
}
