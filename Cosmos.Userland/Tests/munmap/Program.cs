using System;
using Cosmos.Userland.Runtime;

// munmap (docs/syscalls.md "Memory mappings"; memory-spec.md section 4). Child mode "read-unmapped-middle" reads the
// page munmap took out of the middle of a region, which must kill it with SIGSEGV.
static unsafe class Program
{
    const string ReadUnmappedMiddle = "read-unmapped-middle";

    static int Main(string[] args)
    {
        if (ChildProcess.IsChild(args)) return ReadTheUnmappedMiddle();
        MiddlePageOfThree();
        LengthIsRoundedUpToWholePages();
        if (Platform.IsCosmos) UnalignedAddressIsRoundedDown();
        BadRanges();
        GapsAndSeveralRegions();
        if (Platform.IsCosmos) FreedPagesComeBack();
        return Check.Result;
    }

    // Pages filled with 1, 2 and 3 at TestArea, the middle one unmapped.
    static byte* ThreePagesWithoutTheMiddle()
    {
        byte* region = Pages.Map(3, Pages.TestArea);
        if (region == null) return null;
        for (int page = 0; page < 3; page++) Pages.Fill(region + page * Pages.Size, (byte)(page + 1));
        Check.Equal(0, SystemCalls.Munmap(region + Pages.Size, Pages.Size), "munmap of the middle page");
        return region;
    }

    static int ReadTheUnmappedMiddle()
    {
        byte* region = ThreePagesWithoutTheMiddle();
        if (region != null) Console.WriteLine("the middle page holds " + region[Pages.Size].ToString());
        return ChildProcess.ReportSurvival(ReadUnmappedMiddle);
    }

    static void MiddlePageOfThree()
    {
        byte* region = ThreePagesWithoutTheMiddle();
        if (region == null) return;
        Check.True(Pages.Holds(region, 1), "the first page keeps its data");
        Check.True(Pages.Holds(region + 2 * Pages.Size, 3), "the last page keeps its data");
        Check.Equal(-Errno.EFAULT, Probe.Read(region + Pages.Size), "the kernel reading the unmapped middle page");
        ChildProcess.ExpectSegmentationFault(ReadUnmappedMiddle);
        Check.Equal(0, Pages.Unmap(region, 3), "munmap of the rest");
    }

    static void LengthIsRoundedUpToWholePages()
    {
        byte* region = Pages.Map(2, Pages.TestArea);
        if (region == null) return;
        Check.Equal(0, SystemCalls.Munmap(region, 100), "munmap of 100 bytes");
        Check.Equal(-Errno.EFAULT, Probe.Read(region + Pages.Size - Probe.Length), "the end of the page of those 100 bytes");
        Check.Equal(Probe.Length, Probe.Read(region + Pages.Size), "the page after them");
        Pages.Unmap(region, 2);
    }

    // CosmosOS's own (Linux refuses an unaligned address): the address is rounded down and the length grows by the
    // difference, so 4096 bytes from 100 bytes into a page unmap that page and the next.
    static void UnalignedAddressIsRoundedDown()
    {
        byte* region = Pages.Map(3, Pages.TestArea);
        if (region == null) return;
        Check.Equal(0, SystemCalls.Munmap(region + Pages.Size + 100, Pages.Size), "munmap from 100 bytes into the middle page");
        Check.Equal(Probe.Length, Probe.Read(region), "the first page");
        Check.Equal(-Errno.EFAULT, Probe.Read(region + Pages.Size), "the start of the middle page");
        Check.Equal(-Errno.EFAULT, Probe.Read(region + 2 * Pages.Size), "the last page, reached by the length's growth");
        Pages.Unmap(region, 3);
    }

    static void BadRanges()
    {
        byte* region = Pages.Map(1, Pages.TestArea);
        if (region == null) return;
        Check.Equal(-Errno.EINVAL, SystemCalls.Munmap(region, 0), "munmap of length 0");
        Check.Equal(Probe.Length, Probe.Read(region), "the page after a munmap of length 0");
        Pages.Unmap(region, 1);
        Check.Equal(-Errno.EINVAL, SystemCalls.Munmap((void*)0xFFFF_8000_0000_0000, Pages.Size), "munmap of a kernel page");
        Check.Equal(-Errno.EINVAL, SystemCalls.Munmap((void*)0x0000_8000_0000_0000, Pages.Size), "munmap of the first page past the user half");
        Check.Equal(-Errno.EINVAL, SystemCalls.Munmap((void*)0x0000_7FFF_FFFF_F000, 2 * Pages.Size), "munmap across the end of the user half");
    }

    // Regions at pages 0-1, 3-4 and 5-6 (a gap at 2, and 4-5 adjacent but apart: one private, one shared); unmapping
    // pages 1 to 5 leaves pages 0 and 6 alone.
    static void GapsAndSeveralRegions()
    {
        byte* area = Pages.TestArea + 64 * Pages.Size;
        Check.Equal(0, Pages.Unmap(area, 16), "munmap where nothing is mapped");
        byte* first = Pages.Map(2, area);
        byte* second = Pages.Map(2, area + 3 * Pages.Size);
        byte* third = Pages.Map(2, area + 5 * Pages.Size, SystemCalls.MapShared);
        if (first == null || second == null || third == null) return;
        for (int page = 0; page < 7; page++)
            if (page != 2) Pages.Fill(area + page * Pages.Size, (byte)(page + 1));
        Check.Equal(0, Pages.Unmap(area + Pages.Size, 5), "munmap across three regions and a gap");
        Check.True(Pages.Holds(area, 1), "page 0 keeps its data");
        Check.True(Pages.Holds(area + 6 * Pages.Size, 7), "page 6 keeps its data");
        for (int page = 1; page < 6; page++)
            Check.Equal(-Errno.EFAULT, Probe.Read(area + page * Pages.Size), "the kernel reading unmapped page " + page.ToString());
        Pages.Unmap(area, 7);
    }

    // Free pages (meminfo) drop by at least the pages touched, rise by exactly the pages a partial munmap frees, and
    // end where they began. The first round is not measured, so that page tables exist for the measured one; nothing
    // is allocated (no check's message either) between the counts, so that the heap does not grow meanwhile.
    static void FreedPagesComeBack()
    {
        const int Count = 16, Middle = 4;
        byte* area = Pages.TestArea + 512 * Pages.Size;
        MemoryInfo before = default, touched = default, split = default, after = default;
        long mapped = 0;
        for (int round = 0; round < 2; round++)
        {
            SystemCalls.MemoryInfo(&before);
            mapped = SystemCalls.Mmap(area, Count * Pages.Size, Pages.ReadWrite, SystemCalls.MapPrivate | SystemCalls.MapAnonymous | SystemCalls.MapFixed, -1, 0);
            if (mapped != (long)area) break;
            for (int page = 0; page < Count; page++) area[page * Pages.Size] = 1;
            SystemCalls.MemoryInfo(&touched);
            SystemCalls.Munmap(area + Middle * Pages.Size, Middle * Pages.Size);
            SystemCalls.MemoryInfo(&split);
            SystemCalls.Munmap(area, Count * Pages.Size);
            SystemCalls.MemoryInfo(&after);
        }
        Check.Equal((long)area, mapped, "mmap of the measured pages");
        if (mapped != (long)area) return;
        Check.True(Pages.Free(before) - Pages.Free(touched) >= Count,
                   "free pages fell by " + (Pages.Free(before) - Pages.Free(touched)).ToString() + " for " + Count.ToString() + " touched pages");
        Check.Equal(Middle, Pages.Free(split) - Pages.Free(touched), "pages freed by unmapping the middle pages");
        Check.Equal(Pages.Free(before), Pages.Free(after), "free pages after the munmap of everything");
    }
}
