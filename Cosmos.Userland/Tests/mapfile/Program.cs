using Cosmos.Userland.Runtime;

// File mappings and msync (docs/syscalls.md "Memory mappings"; memory-spec.md sections 4 and 5) on a 6144-byte file,
// a page and a half, whose byte i is Pattern(i).
static unsafe class Program
{
    const int FileSize = 6144;
    const int Shared = SystemCalls.MapShared, Private = SystemCalls.MapPrivate, ReadOnly = SystemCalls.ProtectionRead;

    static int Main()
    {
        string path = Platform.ScratchFile("mapfile-6144");
        int readWrite = Open(path, SystemCalls.OpenReadWrite | SystemCalls.OpenCreate | SystemCalls.OpenTruncate);
        if (readWrite < 0) return Check.Result;
        WriteFile(readWrite);
        int readOnly = Open(path, SystemCalls.OpenReadOnly), writeOnly = Open(path, SystemCalls.OpenWriteOnly);
        MappingToTheEndOfTheLastPage(readOnly);
        if (Platform.IsCosmos) MappingPastTheLastPageOverflows(readOnly);
        PrivateWritesStayInTheProcess(readOnly);
        PrivatePagesAreCopiedOnWrite(readOnly, readWrite);
        SharedWritesReachTheFileWithoutGrowingIt(readWrite);
        AccessMustMatchTheOpenFile(readOnly, writeOnly);
        Errors(readOnly);
        MsyncErrors(readWrite);
        return Check.Result;
    }

    static byte Pattern(int offset) => (byte)(offset % 251 + 1);

    static int Open(string path, int flags)
    {
        byte[] name = CString.From(path);
        long fd;
        fixed (byte* namePointer = name) fd = SystemCalls.Open(namePointer, flags, 0x1A4);
        Check.True(fd >= 0, "open of " + path + " gave " + fd.ToString());
        return (int)fd;
    }

    static void WriteFile(int fd)
    {
        var contents = new byte[FileSize];
        for (int i = 0; i < FileSize; i++) contents[i] = Pattern(i);
        fixed (byte* bytes = contents) Check.Equal(FileSize, SystemCalls.Write(fd, bytes, FileSize), "write of the file");
    }

    static long Map(int fd, long offset, int length, int flags, int protection = ReadOnly)
        => SystemCalls.Mmap(null, (ulong)length, protection, flags, fd, offset);

    // Whether `length` bytes at `mapped` are the file's from `offset` up to its end, then zeroes.
    static bool HoldsTheFile(byte* mapped, int offset, int length)
    {
        for (int i = 0; i < length; i++)
            if (mapped[i] != (offset + i < FileSize ? Pattern(offset + i) : 0)) return false;
        return true;
    }

    // The file's byte at `offset`, read with read(); -errno on failure.
    static long FileByte(int fd, long offset)
    {
        byte value;
        SystemCalls.Lseek(fd, offset, SystemCalls.SeekSet);
        long read = SystemCalls.Read(fd, &value, 1);
        return read == 1 ? value : read < 0 ? read : -Errno.EIO;
    }

    static long FileSizeOf(int fd)
    {
        FileStatus status;
        long result = SystemCalls.Fstat(fd, &status);
        return result < 0 ? result : status.Size;
    }

    static void MappingToTheEndOfTheLastPage(int fd)
    {
        long whole = Map(fd, 0, 2 * Pages.Size, Private);
        Check.True(whole >= 0, "mmap of 8192 bytes at offset 0 gave " + whole.ToString());
        if (whole >= 0) Check.True(HoldsTheFile((byte*)whole, 0, 2 * Pages.Size), "8192 bytes from offset 0: the file, then zeroes from 6144");
        if (whole >= 0) SystemCalls.Munmap((void*)whole, 2 * Pages.Size);
        long second = Map(fd, Pages.Size, Pages.Size, Private);
        Check.True(second >= 0, "mmap of 4096 bytes at offset 4096 gave " + second.ToString());
        if (second >= 0) Check.True(HoldsTheFile((byte*)second, Pages.Size, Pages.Size), "4096 bytes from offset 4096: the file's last 2048, then zeroes");
        if (second >= 0) SystemCalls.Munmap((void*)second, Pages.Size);
    }

    // CosmosOS's own: Linux maps these and raises SIGBUS at an access past the page of the end of the file.
    static void MappingPastTheLastPageOverflows(int fd)
    {
        Check.Equal(-Errno.EOVERFLOW, Map(fd, 0, 3 * Pages.Size, Private), "mmap of 12288 bytes at offset 0");
        Check.Equal(-Errno.EOVERFLOW, Map(fd, Pages.Size, 2 * Pages.Size, Private), "mmap of 8192 bytes at offset 4096");
        Check.Equal(-Errno.EOVERFLOW, Map(fd, 0, 3 * Pages.Size, Shared), "shared mmap of 12288 bytes at offset 0");
    }

    static void PrivateWritesStayInTheProcess(int fd)
    {
        long mapped = Map(fd, 0, FileSize, Private, Pages.ReadWrite);
        Check.True(mapped >= 0, "private read-write mmap of a file open for reading gave " + mapped.ToString());
        if (mapped < 0) return;
        ((byte*)mapped)[0] = 0xEE;
        ((byte*)mapped)[5000] = 0xEE;
        Check.Equal(0, SystemCalls.Munmap((void*)mapped, FileSize), "munmap of the private mapping");
        Check.Equal(Pattern(0), FileByte(fd, 0), "the file's byte 0 after a private mapping wrote it");
        Check.Equal(Pattern(5000), FileByte(fd, 5000), "the file's byte 5000 after a private mapping wrote it");
    }

    // Copy-on-write: a private page only read shows what a shared mapping of the file writes; once written it is the
    // process's own, and neither the shared mapping nor the file sees its bytes.
    static void PrivatePagesAreCopiedOnWrite(int readOnly, int readWrite)
    {
        long privatePage = Map(readOnly, 0, Pages.Size, Private, Pages.ReadWrite), sharedPage = Map(readWrite, 0, Pages.Size, Shared, Pages.ReadWrite);
        Check.True(privatePage >= 0 && sharedPage >= 0, "private and shared mmaps gave " + privatePage.ToString() + " and " + sharedPage.ToString());
        if (privatePage < 0 || sharedPage < 0) return;
        byte* mine = (byte*)privatePage, shared = (byte*)sharedPage;
        Check.Equal(Pattern(30), mine[30], "a private page read");
        shared[30] = 0xC1;
        Check.Equal(0xC1, mine[30], "the private page, not yet written, sees the shared mapping's write");
        mine[31] = 0xC2;
        shared[30] = 0xC3;
        Check.Equal(0xC1, mine[30], "the private page, written, keeps its own bytes");
        Check.Equal(Pattern(31), shared[31], "the shared mapping does not see the private write");
        shared[30] = Pattern(30);                          // the file as it was, for the checks after
        SystemCalls.Munmap(mine, Pages.Size);
        SystemCalls.Munmap(shared, Pages.Size);
        Check.Equal(Pattern(31), FileByte(readWrite, 31), "the file after the private write");
    }

    static void SharedWritesReachTheFileWithoutGrowingIt(int fd)
    {
        long first = Map(fd, 0, 2 * Pages.Size, Shared, Pages.ReadWrite), second = Map(fd, 0, 2 * Pages.Size, Shared, Pages.ReadWrite);
        Check.True(first >= 0 && second >= 0, "two shared read-write mmaps gave " + first.ToString() + " and " + second.ToString());
        if (first < 0 || second < 0) return;
        byte* bytes = (byte*)first;
        bytes[10] = 0xA1;
        bytes[6000] = 0xA2;
        bytes[7000] = 0xA3;
        Check.Equal(0xA1, ((byte*)second)[10], "the other shared mapping sees the write");
        Check.Equal(0, SystemCalls.Msync(bytes, 2 * Pages.Size, SystemCalls.SyncSynchronous), "msync MS_SYNC");
        Check.Equal(0xA1, FileByte(fd, 10), "the file's byte 10 after msync");
        Check.Equal(0xA2, FileByte(fd, 6000), "the file's byte 6000 after msync");
        Check.Equal(FileSize, FileSizeOf(fd), "the file's size after msync of a write past its end");
        Check.Equal(0, SystemCalls.Msync(bytes, Pages.Size, SystemCalls.SyncAsynchronous), "msync MS_ASYNC");
        Check.Equal(0, SystemCalls.Msync(bytes, Pages.Size, SystemCalls.SyncSynchronous | SystemCalls.SyncInvalidate), "msync MS_SYNC | MS_INVALIDATE");

        bytes[20] = 0xB1;
        SystemCalls.Munmap((void*)first, 2 * Pages.Size);
        SystemCalls.Munmap((void*)second, 2 * Pages.Size);
        Check.Equal(0xB1, FileByte(fd, 20), "the file's byte 20 after the last munmap, without msync");
        Check.Equal(FileSize, FileSizeOf(fd), "the file's size after the last munmap");
    }

    static void AccessMustMatchTheOpenFile(int readOnly, int writeOnly)
    {
        Check.Equal(-Errno.EACCES, Map(readOnly, 0, Pages.Size, Shared, Pages.ReadWrite), "shared PROT_WRITE mmap of a file open read-only");
        Check.Equal(-Errno.EACCES, Map(writeOnly, 0, Pages.Size, Private), "private mmap of a file open write-only");
        long mapped = Map(readOnly, 0, Pages.Size, Shared);
        Check.True(mapped >= 0, "shared PROT_READ mmap of a file open read-only gave " + mapped.ToString());
        if (mapped < 0) return;
        Check.Equal(-Errno.EACCES, SystemCalls.Mprotect((void*)mapped, Pages.Size, Pages.ReadWrite), "mprotect to PROT_WRITE of a shared mapping of a read-only file");
        Check.Equal(-Errno.EFAULT, Probe.Write((byte*)mapped), "the kernel writing the mapping after the refused mprotect");
        SystemCalls.Munmap((void*)mapped, Pages.Size);
    }

    static void Errors(int fd)
    {
        Check.Equal(-Errno.EINVAL, Map(fd, 100, Pages.Size, Private), "mmap at an unaligned offset");
        Check.Equal(-Errno.EINVAL, Map(fd, 0, 0, Private), "mmap of length 0");
        Check.Equal(-Errno.ENODEV, Map(0, 0, Pages.Size, Private), "mmap of standard input (the console; a pipe on Linux)");
        int directory = Open(Platform.ScratchDirectory, SystemCalls.OpenReadOnly);
        if (directory >= 0) Check.Equal(-Errno.ENODEV, Map(directory, 0, Pages.Size, Private), "mmap of a directory");
        Check.Equal(-Errno.EBADF, Map(1000, 0, Pages.Size, Private), "mmap of a bad fd");
        Check.Equal(-Errno.EBADF, Map(-1, 0, Pages.Size, Private), "mmap of fd -1 without MAP_ANONYMOUS");
    }

    static void MsyncErrors(int fd)
    {
        // At TestArea, so that the page after it is not mapped.
        byte* bytes = Pages.TestArea;
        long mapped = SystemCalls.Mmap(bytes, Pages.Size, Pages.ReadWrite, Shared | SystemCalls.MapFixedNoReplace, fd, 0);
        Check.Equal((long)bytes, mapped, "shared mmap at TestArea for msync");
        if (mapped < 0) return;
        Check.Equal(-Errno.EINVAL, SystemCalls.Msync(bytes, Pages.Size, SystemCalls.SyncAsynchronous | SystemCalls.SyncSynchronous), "msync MS_ASYNC | MS_SYNC");
        Check.Equal(-Errno.EINVAL, SystemCalls.Msync(bytes, Pages.Size, 8), "msync with an unknown flag");
        Check.Equal(-Errno.EINVAL, SystemCalls.Msync(bytes + 100, Pages.Size, SystemCalls.SyncSynchronous), "msync at an unaligned address");
        Check.Equal(-Errno.ENOMEM, SystemCalls.Msync(bytes, 2 * Pages.Size, SystemCalls.SyncSynchronous), "msync over an unmapped page");
        SystemCalls.Munmap(bytes, Pages.Size);
    }
}
