using System;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.FileSystem
{
    // A file or directory of the MemoryFileSystem as one open() made it: the offset the next read or write uses and
    // the access mode. Descriptors that share an OpenFile share its offset.
    public sealed class OpenFile : IFileObject
    {
        const int SeekSet = 0, SeekCurrent = 1, SeekEnd = 2;

        readonly FileSystemNode _node;
        readonly OpenFlags _flags;
        readonly string _path;
        long _offset;

        internal OpenFile(FileSystemNode node, OpenFlags flags, string path)
        {
            _node = node;
            _flags = flags;
            _path = path;
        }

        public long Offset => _offset;

        public FileStatus Status => _node.Status;

        public IMappedFile Mapping => _node is RegularFile file ? new FileMapping(file, CanRead, CanWrite, _path) : null;

        bool CanRead => (_flags & OpenFlags.AccessMask) != OpenFlags.WriteOnly;

        bool CanWrite => (_flags & OpenFlags.AccessMask) != OpenFlags.ReadOnly;

        public long Read(Span<byte> buffer)
        {
            if (_node is not RegularFile file) return -(long)Errno.EISDIR;
            if (!CanRead) return -(long)Errno.EBADF;
            int count = file.Read(_offset, buffer);
            _offset += count;
            return count;
        }

        // Writes at the offset, or at the end with O_APPEND; a write past the end leaves a zero-filled gap.
        public long Write(ReadOnlySpan<byte> data)
        {
            if (!CanWrite || _node is not RegularFile file) return -(long)Errno.EBADF;   // directories are never opened for writing
            long at = (_flags & OpenFlags.Append) != 0 ? file.Length : _offset;
            Errno error = file.Write(at, data);
            if (error != Errno.None) return -(long)error;
            _offset = at + data.Length;
            return data.Length;
        }

        public long Seek(long offset, int whence)
        {
            long origin;
            if (whence == SeekSet) origin = 0;
            else if (whence == SeekCurrent) origin = _offset;
            else if (whence == SeekEnd) origin = _node.Status.Size;
            else return -(long)Errno.EINVAL;
            long target = origin + offset;   // origin ≥ 0, so an overflow shows as a negative target
            if (target < 0) return -(long)Errno.EINVAL;
            _offset = target;
            return target;
        }
    }
}
