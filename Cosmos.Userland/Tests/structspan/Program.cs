using Cosmos.Userland.Runtime;

// The kernel's user copies (docs/syscalls.md "Convention"; memory-spec.md section 2): a structure may straddle two
// adjacent regions (a private and a shared one, which no kernel merges into one), and a copy that reaches a gap fails
// with EFAULT. Each structure starts Straddle bytes before the end of its first page.
static unsafe class Program
{
    const int Straddle = 72, StatLength = 144, FileLength = 300;

    static int Main()
    {
        int fd = ScratchFileOf(FileLength);
        if (fd < 0) return Check.Result;
        AcrossTwoRegions(fd);
        IntoAGap(fd);
        return Check.Result;
    }

    static int ScratchFileOf(int length)
    {
        byte[] name = CString.From(Platform.ScratchFile("structspan"));
        long fd;
        fixed (byte* namePointer = name)
            fd = SystemCalls.Open(namePointer, SystemCalls.OpenReadWrite | SystemCalls.OpenCreate | SystemCalls.OpenTruncate, 0x1A4);
        Check.True(fd >= 0, "open of the scratch file gave " + fd.ToString());
        if (fd < 0) return -1;
        byte* contents = stackalloc byte[length];
        for (int i = 0; i < length; i++) contents[i] = (byte)i;
        Check.Equal(length, SystemCalls.Write((int)fd, contents, (ulong)length), "write of the scratch file");
        return (int)fd;
    }

    static void AcrossTwoRegions(int fd)
    {
        byte* first = Pages.Map(1, Pages.TestArea);
        byte* second = Pages.Map(1, Pages.TestArea + Pages.Size, SystemCalls.MapShared);
        if (first == null || second == null) return;
        byte* straddling = second - Straddle;
        Check.Equal(0, SystemCalls.Fstat(fd, (FileStatus*)straddling), "fstat into a struct stat across two regions");
        Check.Equal(FileLength, ((FileStatus*)straddling)->Size, "st_size, in the second region");
        Check.Equal(StatLength, SystemCalls.Write(fd, straddling, StatLength), "write from a buffer across two regions");
        if (Platform.IsCosmos)
        {
            MemoryInfo* info = (MemoryInfo*)(second - 24);
            Check.Equal(0, SystemCalls.MemoryInfo(info), "meminfo into a struct memory_info across two regions");
            Check.Equal(Pages.Size, (long)info->PageSize, "page_size, in the first region");
            Check.True(info->ProcessCount > 0, "process_count, in the second region");
        }
        Pages.Unmap(first, 2);
    }

    // The page at TestArea filled with 0x5A and nothing after it.
    static void IntoAGap(int fd)
    {
        byte* page = Pages.Map(1, Pages.TestArea);
        if (page == null) return;
        Pages.Fill(page, 0x5A);
        byte* straddling = page + Pages.Size - Straddle;
        Check.Equal(-Errno.EFAULT, SystemCalls.Fstat(fd, (FileStatus*)straddling), "fstat into a struct stat reaching a gap");
        Check.Equal(-Errno.EFAULT, SystemCalls.Fstat(fd, (FileStatus*)0xFFFF_FFFF_FFFF_FFC0), "fstat into a struct stat that wraps around");
        if (Platform.IsCosmos)
        {
            // Linux copies what it can before the gap, and read and write make short transfers of it.
            Check.True(Pages.Holds(page, 0x5A), "the failed fstat changed nothing");
            Check.Equal(-Errno.EFAULT, SystemCalls.MemoryInfo((MemoryInfo*)(page + Pages.Size - 24)), "meminfo into a struct reaching a gap");
            SystemCalls.Lseek(fd, 0, SystemCalls.SeekSet);
            Check.Equal(-Errno.EFAULT, SystemCalls.Read(fd, straddling, StatLength), "read into a buffer reaching a gap");
            Check.True(Pages.Holds(page, 0x5A), "the failed calls changed nothing");
            // At the end of the file, so that any byte written would show as growth.
            long length = SystemCalls.Lseek(fd, 0, SystemCalls.SeekEnd);
            Check.Equal(-Errno.EFAULT, SystemCalls.Write(fd, straddling, StatLength), "write from a buffer reaching a gap");
            Check.Equal(length, SystemCalls.Lseek(fd, 0, SystemCalls.SeekEnd), "the file's length after the failed write");
        }
        Pages.Unmap(page, 1);
    }
}
