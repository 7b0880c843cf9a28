using System;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.FileSystem
{
    // A regular file: a byte buffer that grows as it is written. Bytes past Length are always zero, so a write past
    // the end leaves a zero-filled gap.
    sealed class RegularFile : FileSystemNode
    {
        // A guard against one lseek and write taking the whole kernel heap: the file system lives in kernel memory.
        public const long MaximumSize = 64L * 1024 * 1024;

        byte[] _bytes;
        int _length;

        public RegularFile(ReadOnlySpan<byte> contents)
        {
            _bytes = contents.ToArray();
            _length = _bytes.Length;
        }

        public int Length => _length;

        public ReadOnlySpan<byte> Contents => new ReadOnlySpan<byte>(_bytes, 0, _length);

        public override FileStatus Status => new FileStatus(FileType.RegularFile, _length);

        // The pages the file's shared mappings share, while it has any (SharedMemoryObject keeps this up to date).
        public SharedMemoryObject SharedPages { get; set; }

        // Copies bytes from offset into buffer; returns how many (0 at or past the end).
        public int Read(long offset, Span<byte> buffer)
        {
            if (offset >= _length) return 0;
            int count = (int)Math.Min(buffer.Length, _length - offset);
            new ReadOnlySpan<byte>(_bytes, (int)offset, count).CopyTo(buffer);
            return count;
        }

        // Writes data at offset, growing the file; EFBIG when it would grow past MaximumSize.
        public Errno Write(long offset, ReadOnlySpan<byte> data)
        {
            if (offset > MaximumSize - data.Length) return Errno.EFBIG;
            int end = (int)offset + data.Length;
            if (end > _bytes.Length) Grow(end);
            data.CopyTo(new Span<byte>(_bytes, (int)offset, data.Length));
            if (end > _length) _length = end;
            return Errno.None;
        }

        // Empties the file and gives its buffer back.
        public void Truncate()
        {
            _bytes = Array.Empty<byte>();
            _length = 0;
        }

        // Doubles the capacity (at least to `needed`) so a file written in small pieces is copied O(log n) times.
        void Grow(int needed)
        {
            int capacity = (int)Math.Min(MaximumSize, Math.Max((long)needed, 2L * _bytes.Length));
            var bytes = new byte[capacity];
            new ReadOnlySpan<byte>(_bytes, 0, _length).CopyTo(bytes);
            _bytes = bytes;
        }
    }
}
