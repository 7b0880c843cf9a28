using Cosmos.Userland.Runtime;

// Asks the kernel whether it may read or write memory, without touching it from user mode (a fault would end the
// test): write() from it to a scratch file fails with EFAULT when the memory is not readable, and read() into it from
// that file fails with EFAULT when it is not writable. Both copy Length bytes and leave the memory as it was.
static unsafe class Probe
{
    public const int Length = 16;

    static int s_fd = -1;

    // Length when the kernel could read Length bytes at `address`, else -errno (EFAULT).
    public static long Read(byte* address)
    {
        int fd = ScratchFile();
        if (fd < 0) return fd;
        SystemCalls.Lseek(fd, 0, SystemCalls.SeekSet);
        return SystemCalls.Write(fd, address, Length);
    }

    // Length when the kernel could write Length bytes at `address`, else -errno. The bytes written back are the
    // ones there, so memory that is only readable fails with EFAULT and unreadable memory with Read's error.
    public static long Write(byte* address)
    {
        long read = Read(address);
        if (read != Length) return read;
        SystemCalls.Lseek(s_fd, 0, SystemCalls.SeekSet);
        return SystemCalls.Read(s_fd, address, Length);
    }

    static int ScratchFile()
    {
        if (s_fd >= 0) return s_fd;
        byte[] path = CString.From(Platform.ScratchFile("probe-" + SystemCalls.GetProcessId().ToString()));
        long fd;
        fixed (byte* pathPointer = path)
            fd = SystemCalls.Open(pathPointer, SystemCalls.OpenReadWrite | SystemCalls.OpenCreate | SystemCalls.OpenTruncate, 0x1A4);
        Check.True(fd >= 0, "open of the probe's scratch file gave " + fd.ToString());
        if (fd >= 0) s_fd = (int)fd;
        return (int)fd;
    }
}
