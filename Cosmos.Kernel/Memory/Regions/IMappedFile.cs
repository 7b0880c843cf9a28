using System;

namespace Cosmos.Kernel.Memory.Regions
{
    // A regular file as mmap sees it through one open descriptor. Calls may sleep (the file system has its own lock).
    public interface IMappedFile
    {
        // The file's size in bytes now.
        long Length { get; }

        // How the descriptor was opened: a private mapping needs reading, a writable shared one both.
        bool CanRead { get; }

        bool CanWrite { get; }

        // Copies the file's bytes from `offset` into `destination`, as many as the file has; returns how many.
        int Read(long offset, Span<byte> destination);

        // Writes `data` at `offset`, which with data lies within the file: write-back never grows a file.
        void Write(long offset, ReadOnlySpan<byte> data);

        // The pages every shared mapping of this file shares, or null when it has none. The same for every descriptor
        // of the file; only SharedMemoryObject reads and sets it, under its lock.
        SharedMemoryObject SharedPages { get; set; }

        // The file's path, for messages.
        string Name { get; }
    }
}
