namespace Cosmos.Kernel.FileSystem
{
    // What a file descriptor refers to: an open file of the MemoryFileSystem, or the console. Results follow the
    // system calls': a count or offset ≥ 0, or -errno.
    public interface IFileObject
    {
        // Bytes read into buffer, 0 at the end of the file, or -errno.
        long Read(System.Span<byte> buffer);

        // Bytes written, or -errno (EBADF when not opened for writing).
        long Write(System.ReadOnlySpan<byte> data);

        // The new offset, or -errno: EINVAL for a bad whence or a negative result, ESPIPE where seeking means nothing.
        long Seek(long offset, int whence);

        FileStatus Status { get; }

        // The file as mmap maps it, or null when it cannot be mapped (the console, a directory: ENODEV).
        Cosmos.Kernel.Memory.Regions.IMappedFile Mapping { get; }
    }
}
