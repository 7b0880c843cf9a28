using System;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.FileSystem
{
    // A regular file as mmap sees it through one open descriptor: its bytes, and the access the descriptor was opened
    // with. Takes no lock, as nothing in MemoryFileSystem does (Syscalls/SharedFileSystem adds one).
    sealed class FileMapping : IMappedFile
    {
        readonly RegularFile _file;

        public FileMapping(RegularFile file, bool canRead, bool canWrite, string name)
        {
            _file = file;
            CanRead = canRead;
            CanWrite = canWrite;
            Name = name;
        }

        public long Length => _file.Length;
        public bool CanRead { get; }
        public bool CanWrite { get; }
        public string Name { get; }

        public SharedMemoryObject SharedPages
        {
            get => _file.SharedPages;
            set => _file.SharedPages = value;
        }

        public int Read(long offset, Span<byte> destination) => _file.Read(offset, destination);

        public void Write(long offset, ReadOnlySpan<byte> data)
        {
            if (offset < 0 || offset > _file.Length - data.Length)
                throw new ArgumentOutOfRangeException(nameof(offset), "a mapping's write-back would grow " + Name);
            _file.Write(offset, data);
        }
    }
}
