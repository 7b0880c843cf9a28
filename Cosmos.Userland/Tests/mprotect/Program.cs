using System;
using Cosmos.Userland.Runtime;

// mprotect (docs/syscalls.md "Memory mappings"; memory-spec.md section 4). Child modes, each of which must be killed by
// SIGSEGV: "write-read-only-middle" writes to the middle page of three made read-only, "read-protection-none" reads a
// PROT_NONE page.
static unsafe class Program
{
    const string WriteReadOnlyMiddle = "write-read-only-middle", ReadProtectionNone = "read-protection-none";
    const int UnknownProtection = 0x40;

    static int Main(string[] args)
    {
        if (ChildProcess.IsChild(args)) return Fault(args[1]);
        MiddlePageReadOnlyThenBack();
        ProtectionNoneKeepsTheData();
        LengthIsRoundedUpToWholePages();
        Errors();
        return Check.Result;
    }

    static int Fault(string mode)
    {
        if (mode == WriteReadOnlyMiddle)
        {
            byte* region = ThreePagesWithAReadOnlyMiddle();
            if (region != null) region[Pages.Size] = 9;
        }
        else if (mode == ReadProtectionNone)
        {
            byte* page = PageWithoutAccess();
            if (page != null) Console.WriteLine("the PROT_NONE page holds " + page[0].ToString());
        }
        return ChildProcess.ReportSurvival(mode);
    }

    // Pages filled with 1, 2 and 3 at TestArea, the middle one made read-only.
    static byte* ThreePagesWithAReadOnlyMiddle()
    {
        byte* region = Pages.Map(3, Pages.TestArea);
        if (region == null) return null;
        for (int page = 0; page < 3; page++) Pages.Fill(region + page * Pages.Size, (byte)(page + 1));
        Check.Equal(0, SystemCalls.Mprotect(region + Pages.Size, Pages.Size, SystemCalls.ProtectionRead), "mprotect of the middle page to PROT_READ");
        return region;
    }

    // A page filled with 7 at TestArea, made PROT_NONE.
    static byte* PageWithoutAccess()
    {
        byte* page = Pages.Map(1, Pages.TestArea);
        if (page == null) return null;
        Pages.Fill(page, 7);
        Check.Equal(0, SystemCalls.Mprotect(page, Pages.Size, SystemCalls.ProtectionNone), "mprotect to PROT_NONE");
        return page;
    }

    static void MiddlePageReadOnlyThenBack()
    {
        byte* region = ThreePagesWithAReadOnlyMiddle();
        if (region == null) return;
        byte* middle = region + Pages.Size;
        Check.Equal(-Errno.EFAULT, Probe.Write(middle), "the kernel writing the read-only middle page");
        Check.Equal(Probe.Length, Probe.Read(middle), "the kernel reading the read-only middle page");
        Check.Equal(Probe.Length, Probe.Write(region), "the kernel writing the first page");
        Check.Equal(Probe.Length, Probe.Write(region + 2 * Pages.Size), "the kernel writing the last page");
        for (int page = 0; page < 3; page++)
            Check.True(Pages.Holds(region + page * Pages.Size, (byte)(page + 1)), "page " + page.ToString() + " keeps its data while the middle is read-only");
        ChildProcess.ExpectSegmentationFault(WriteReadOnlyMiddle);

        Check.Equal(0, SystemCalls.Mprotect(middle, Pages.Size, Pages.ReadWrite), "mprotect of the middle page back to read-write");
        Check.True(Pages.Holds(middle, 2), "the middle page keeps its data");
        Pages.Fill(middle, 5);
        Check.True(Pages.Holds(middle, 5), "the middle page is writable again");
        Pages.Unmap(region, 3);
    }

    static void ProtectionNoneKeepsTheData()
    {
        byte* page = PageWithoutAccess();
        if (page == null) return;
        Check.Equal(-Errno.EFAULT, Probe.Read(page), "the kernel reading a PROT_NONE page");
        ChildProcess.ExpectSegmentationFault(ReadProtectionNone);
        Check.Equal(0, SystemCalls.Mprotect(page, Pages.Size, Pages.ReadWrite), "mprotect from PROT_NONE to read-write");
        Check.True(Pages.Holds(page, 7), "the data survives PROT_NONE");
        Pages.Unmap(page, 1);
    }

    static void LengthIsRoundedUpToWholePages()
    {
        byte* region = Pages.Map(2, Pages.TestArea);
        if (region == null) return;
        Check.Equal(0, SystemCalls.Mprotect(region, 100, SystemCalls.ProtectionRead), "mprotect of 100 bytes");
        Check.Equal(-Errno.EFAULT, Probe.Write(region + Pages.Size - Probe.Length), "the kernel writing the end of their page");
        Check.Equal(Probe.Length, Probe.Write(region + Pages.Size), "the kernel writing the next page");
        Pages.Unmap(region, 2);
    }

    static void Errors()
    {
        byte* region = Pages.Map(2, Pages.TestArea);
        if (region == null) return;
        Check.Equal(-Errno.EINVAL, SystemCalls.Mprotect(region + 100, Pages.Size, SystemCalls.ProtectionRead), "mprotect of an unaligned address");
        Check.Equal(-Errno.EINVAL, SystemCalls.Mprotect(region, Pages.Size, UnknownProtection), "mprotect with an unknown protection bit");
        Check.Equal(0, Pages.Unmap(region + Pages.Size, 1), "munmap of the second page");
        Check.Equal(-Errno.ENOMEM, SystemCalls.Mprotect(region, 2 * Pages.Size, SystemCalls.ProtectionRead), "mprotect over a mapped and an unmapped page");
        Check.Equal(-Errno.ENOMEM, SystemCalls.Mprotect(region + Pages.Size, Pages.Size, SystemCalls.ProtectionRead), "mprotect of an unmapped page");
        if (Platform.IsCosmos)
        {
            // Linux returns 0 for length 0, changes the pages before the hole and allows writable code.
            Check.Equal(-Errno.EINVAL, SystemCalls.Mprotect(region, 0, SystemCalls.ProtectionRead), "mprotect of length 0");
            Check.Equal(Probe.Length, Probe.Write(region), "the mapped page is still writable after the failed mprotect");
            Check.Equal(-Errno.EACCES, SystemCalls.Mprotect(region, Pages.Size, Pages.ReadWrite | SystemCalls.ProtectionExecute),
                        "mprotect to writable and executable");
            Check.Equal(Probe.Length, Probe.Write(region), "the page is still writable after the refused mprotect");
        }
        Pages.Unmap(region, 1);
    }
}
