using System;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // A regular file's bytes, which every descriptor opened on it (Open) reads and writes, and the shared pages all its
    // shared mappings use, as the in-memory file system keeps them per file.
    public sealed class HostFile
    {
        public HostFile(string name, byte[] contents)
        {
            Name = name;
            Contents = contents;
        }

        public string Name { get; }

        // The file's bytes now; its length never changes (write-back never grows a file, and the tests do not).
        public byte[] Contents { get; }

        public SharedMemoryObject SharedPages { get; set; }

        public static HostFile WithPattern(string name, int length, int seed)
        {
            var contents = new byte[length];
            new Random(seed).NextBytes(contents);
            return new HostFile(name, contents);
        }

        public IMappedFile Open(bool canRead, bool canWrite) => new Descriptor(this, canRead, canWrite);

        sealed class Descriptor : IMappedFile
        {
            readonly HostFile _file;

            public Descriptor(HostFile file, bool canRead, bool canWrite)
            {
                _file = file;
                CanRead = canRead;
                CanWrite = canWrite;
            }

            public long Length => _file.Contents.Length;
            public bool CanRead { get; }
            public bool CanWrite { get; }
            public string Name => _file.Name;

            public SharedMemoryObject SharedPages
            {
                get => _file.SharedPages;
                set => _file.SharedPages = value;
            }

            public int Read(long offset, Span<byte> destination)
            {
                if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset));
                if (offset >= Length) return 0;
                int count = (int)Math.Min(destination.Length, Length - offset);
                _file.Contents.AsSpan((int)offset, count).CopyTo(destination);
                return count;
            }

            public void Write(long offset, ReadOnlySpan<byte> data)
            {
                if (offset < 0 || offset > Length - data.Length)
                    throw new ArgumentOutOfRangeException(nameof(offset), "write-back would grow " + Name);
                data.CopyTo(_file.Contents.AsSpan((int)offset));
            }
        }
    }
}
