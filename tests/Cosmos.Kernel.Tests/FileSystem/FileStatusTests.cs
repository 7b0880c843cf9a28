using System;
using System.Buffers.Binary;
using System.IO;
using Cosmos.Kernel.FileSystem;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.FileSystem
{
    // FileStatus.WriteLinuxStat against struct stat as the host's C compiler lays it out.
    [TestFixture]
    public class FileStatusTests
    {
        // sizeof(struct stat) and the offsets of the fields filled, printed by a C program built with the host's gcc.
        static readonly Lazy<int[]> HostLayout = new Lazy<int[]>(() =>
        {
            using var directory = new TemporaryDirectory();
            string source = directory.Combine("layout.c"), program = directory.Combine("layout");
            File.WriteAllText(source, """
                #include <stdio.h>
                #include <stddef.h>
                #include <sys/stat.h>
                int main(void)
                {
                    printf("%zu %zu %zu %zu %zu %zu\n", sizeof(struct stat), offsetof(struct stat, st_nlink),
                           offsetof(struct stat, st_mode), offsetof(struct stat, st_size),
                           offsetof(struct stat, st_blksize), offsetof(struct stat, st_blocks));
                    return 0;
                }
                """);
            HostTool.Run("gcc", "-o", program, source);
            return Array.ConvertAll(HostTool.Run(program).Trim().Split(' '), int.Parse);
        });

        static byte[] Stat(FileStatus status)
        {
            var stat = new byte[FileStatus.LinuxStatSize + 8];
            stat.AsSpan().Fill(0xAA);
            status.WriteLinuxStat(stat);
            Assert.That(stat[FileStatus.LinuxStatSize], Is.EqualTo(0xAA), "nothing written past struct stat");
            return stat;
        }

        [Test]
        public void TheSizeIsLinuxs()
        {
            Assert.That(FileStatus.LinuxStatSize, Is.EqualTo(HostLayout.Value[0]));
        }

        [TestCase(FileType.RegularFile, 1000L, 0x81A4u, 2L)]
        [TestCase(FileType.RegularFile, 0L, 0x81A4u, 0L)]
        [TestCase(FileType.RegularFile, 512L, 0x81A4u, 1L)]
        [TestCase(FileType.Directory, 0L, 0x41EDu, 0L)]
        [TestCase(FileType.CharacterDevice, 0L, 0x2190u, 0L)]
        public void FieldsLandWhereLinuxHasThem(FileType type, long size, uint mode, long blocks)
        {
            int[] layout = HostLayout.Value;
            byte[] stat = Stat(new FileStatus(type, size));
            Assert.That(BinaryPrimitives.ReadUInt64LittleEndian(stat.AsSpan(layout[1])), Is.EqualTo(1UL), "st_nlink");
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(stat.AsSpan(layout[2])), Is.EqualTo(mode), "st_mode");
            Assert.That(BinaryPrimitives.ReadInt64LittleEndian(stat.AsSpan(layout[3])), Is.EqualTo(size), "st_size");
            Assert.That(BinaryPrimitives.ReadInt64LittleEndian(stat.AsSpan(layout[4])), Is.EqualTo(4096L), "st_blksize");
            Assert.That(BinaryPrimitives.ReadInt64LittleEndian(stat.AsSpan(layout[5])), Is.EqualTo(blocks), "st_blocks");
        }

        [Test]
        public void EveryOtherByteIsZero()
        {
            int[] layout = HostLayout.Value;
            byte[] stat = Stat(new FileStatus(FileType.RegularFile, 1));
            var filled = new bool[FileStatus.LinuxStatSize];
            foreach (var (offset, size) in new[] { (layout[1], 8), (layout[2], 4), (layout[3], 8), (layout[4], 8), (layout[5], 8) })
                for (int i = 0; i < size; i++) filled[offset + i] = true;
            for (int i = 0; i < FileStatus.LinuxStatSize; i++)
                if (!filled[i]) Assert.That(stat[i], Is.EqualTo(0), "byte " + i);
        }
    }
}
