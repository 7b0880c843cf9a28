using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.FileSystem
{
    // What stat and fstat report about a file.
    public readonly struct FileStatus
    {
        // sizeof(struct stat) on Linux x86-64.
        public const int LinuxStatSize = 144;

        const int LinkCountOffset = 16, ModeOffset = 24, SizeOffset = 48, BlockSizeOffset = 56, BlockCountOffset = 64;
        const uint DirectoryMode = 0x4000 | 0x1ED, RegularFileMode = 0x8000 | 0x1A4, CharacterDeviceMode = 0x2000 | 0x190;   // 0755, 0644, 0620
        const long BlockSize = 4096, StatBlockUnit = 512;   // st_blocks counts 512-byte units whatever st_blksize says

        public FileStatus(FileType type, long size)
        {
            Type = type;
            Size = size;
        }

        public FileType Type { get; }

        public bool IsDirectory => Type == FileType.Directory;

        // Bytes in a regular file; 0 for directories and devices.
        public long Size { get; }

        // Fills the first LinuxStatSize bytes of destination: st_nlink, st_mode, st_size, st_blksize and st_blocks;
        // every other field is zero.
        public void WriteLinuxStat(Span<byte> destination)
        {
            Span<byte> stat = destination.Slice(0, LinuxStatSize);
            stat.Clear();
            BinaryPrimitives.WriteUInt64LittleEndian(stat.Slice(LinkCountOffset), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(stat.Slice(ModeOffset), Mode);
            BinaryPrimitives.WriteInt64LittleEndian(stat.Slice(SizeOffset), Size);
            BinaryPrimitives.WriteInt64LittleEndian(stat.Slice(BlockSizeOffset), BlockSize);
            BinaryPrimitives.WriteInt64LittleEndian(stat.Slice(BlockCountOffset), (Size + StatBlockUnit - 1) / StatBlockUnit);
        }

        uint Mode => Type switch
        {
            FileType.Directory => DirectoryMode,
            FileType.CharacterDevice => CharacterDeviceMode,
            _ => RegularFileMode,
        };
    }
}
