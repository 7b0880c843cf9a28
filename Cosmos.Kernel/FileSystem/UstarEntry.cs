using System;

namespace Cosmos.Kernel.FileSystem
{
    // One member of a ustar archive, as UstarReader finds it.
    public readonly ref struct UstarEntry
    {
        public const char RegularFileType = '0', OldRegularFileType = '\0', DirectoryType = '5';

        public UstarEntry(string path, char type, ReadOnlySpan<byte> contents, int offset)
        {
            Path = path;
            Type = type;
            Contents = contents;
            Offset = offset;
        }

        // The member's name as stored: prefix + '/' + name when the prefix field is used.
        public string Path { get; }

        // The typeflag byte.
        public char Type { get; }

        public ReadOnlySpan<byte> Contents { get; }

        // Where its header starts in the archive, for error messages.
        public int Offset { get; }
    }
}
