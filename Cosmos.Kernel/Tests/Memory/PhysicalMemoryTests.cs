using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Tests.Memory
{
    static unsafe class PhysicalMemoryTests
    {
        static PageFrameAllocator Allocator => PhysicalMemory.Allocator;

        [KernelTest]
        internal static void CountersMatchTheBootMemoryMap()
        {
            ulong total = 0, reserved = 0;
            for (ulong page = 0; page < BootMemoryModel.PageLimit; page++)
            {
                if (!BootMemoryModel.IsUsable(page)) continue;
                total++;
                if (BootMemoryModel.IsReserved(page)) reserved++;
            }
            PhysicalMemoryStatistics statistics = Allocator.Statistics;
            Assert.Equal(total, statistics.TotalPages, "total pages");
            Assert.Equal(reserved, statistics.ReservedPages, "reserved pages");
            Assert.Equal(0UL, statistics.ModulePages, "module pages after the modules were released");
            Assert.Equal(total, statistics.FreePages + statistics.AllocatedPages + statistics.ReservedPages, "free + allocated + reserved");
        }

        // While memory is exhausted nothing may allocate (a message needs heap pages): the loop only records what
        // went wrong, and the assertions come after every page is back.
        [KernelTest]
        internal static void EveryFreePageCanBeAllocatedOnceWrittenThenFreed()
        {
            var taken = new ulong[(BootMemoryModel.PageLimit + 63) / 64];
            ulong freeBefore = Allocator.Statistics.FreePages;
            ulong count = 0, wrongPage = 0;
            string wrong = null;                        // points at a literal: no allocation
            for (ulong address = Allocator.AllocatePage(); address != 0; address = Allocator.AllocatePage())
            {
                ulong page = address / PageFrameAllocator.PageSize;
                ulong* word = (ulong*)DirectMap.ToVirtual(address);
                if (page >= BootMemoryModel.PageLimit || !BootMemoryModel.IsUsable(page) || BootMemoryModel.IsReserved(page)) wrong = "is not free memory";
                else if ((taken[page / 64] & (1UL << (int)(page % 64))) != 0) wrong = "was handed out twice";
                else
                {
                    // Every page must be reachable, wherever it is (above 4 GiB too): write it, read it back.
                    *word = ~address;
                    if (*word != ~address) wrong = "does not hold what was written to it";
                }
                if (wrong != null)
                {
                    wrongPage = address;
                    break;
                }
                taken[page / 64] |= 1UL << (int)(page % 64);
                count++;
            }
            ulong freeWhenExhausted = Allocator.Statistics.FreePages;

            for (ulong word = 0; word < (ulong)taken.Length; word++)
                for (int bit = 0; bit < 64; bit++)
                    if ((taken[word] & (1UL << bit)) != 0) Allocator.FreePage((word * 64 + (ulong)bit) * PageFrameAllocator.PageSize);
            if (wrongPage != 0) Allocator.FreePage(wrongPage);
            ulong freeAfter = Allocator.Statistics.FreePages;

            if (wrong != null) Assert.Fail("page 0x" + wrongPage.ToString("x") + " " + wrong);
            Assert.Equal(freeBefore, count, "pages handed out before exhaustion");
            Assert.Equal(0UL, freeWhenExhausted, "free pages when exhausted");
            Assert.Equal(freeBefore, freeAfter, "free pages after freeing everything");
        }

        [KernelTest]
        internal static void LowMemoryIsLentOnlyBelowOneMiB()
        {
            ulong freeBefore = Allocator.Statistics.FreePages;
            ulong low = Allocator.AllocatePageBelow(PhysicalMemoryPlan.LowMemoryEnd);
            ulong freeWithLowPage = Allocator.Statistics.FreePages;
            if (low != 0) Allocator.FreePage(low);
            Assert.True(low != 0 && low + PageFrameAllocator.PageSize <= PhysicalMemoryPlan.LowMemoryEnd,
                        "a page below 1 MiB, got 0x" + low.ToString("x"));
            Assert.True(BootMemoryModel.IsUsable(low / PageFrameAllocator.PageSize), "the low page is usable memory");
            Assert.Equal(freeBefore, freeWithLowPage, "free pages (low memory is not counted as free)");
        }

        [KernelTest]
        internal static void ContiguousRunsAreAlignedAndBelowTheLimit()
        {
            const ulong Alignment = 64 * 1024, Limit = 16UL << 20;
            ulong freeBefore = Allocator.Statistics.FreePages;
            ulong run = Allocator.AllocateContiguous(16, Alignment, Limit);
            ulong freeWithRun = Allocator.Statistics.FreePages;
            if (run != 0) Allocator.FreeContiguous(run, 16);
            ulong freeAfter = Allocator.Statistics.FreePages;
            if (!Assert.True(run != 0, "16 pages below 16 MiB")) return;
            Assert.Equal(0UL, run % Alignment, "run alignment");
            Assert.True(run + 16 * PageFrameAllocator.PageSize <= Limit, "run ends below the limit");
            Assert.True(run >= PhysicalMemoryPlan.LowMemoryEnd, "an ordinary DMA limit is not served from low memory");
            Assert.Equal(freeBefore - 16, freeWithRun, "free pages after taking 16");
            Assert.Equal(freeBefore, freeAfter, "free pages after giving them back");
        }
    }
}
