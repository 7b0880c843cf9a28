using System;
using System.Text;
using Cosmos.Kernel.FileSystem;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.FileSystem
{
    // Reading, writing and seeking an OpenFile: offsets, access modes, O_APPEND, growth and its limit.
    [TestFixture]
    public class OpenFileTests
    {
        const int SeekSet = 0, SeekCurrent = 1, SeekEnd = 2;

        MemoryFileSystem _fileSystem;

        [SetUp]
        public void Load()
        {
            _fileSystem = new MemoryFileSystem();
            Assert.That(_fileSystem.AddArchive(TarArchive.Of(("data", "0123456789"), ("dir/", null))), Is.Null);
        }

        OpenFile Open(string path, OpenFlags flags)
        {
            Assert.That(_fileSystem.Open(path, flags, out OpenFile file), Is.EqualTo(Errno.None));
            return file;
        }

        byte[] Contents()
        {
            Assert.That(_fileSystem.Contents("/data", out ReadOnlySpan<byte> contents), Is.EqualTo(Errno.None));
            return contents.ToArray();
        }

        static string Read(OpenFile file, int count)
        {
            var buffer = new byte[count];
            long read = file.Read(buffer);
            Assert.That(read, Is.GreaterThanOrEqualTo(0));
            return Encoding.ASCII.GetString(buffer, 0, (int)read);
        }

        static long Write(OpenFile file, string text) => file.Write(Encoding.ASCII.GetBytes(text));

        [Test]
        public void ReadsMoveTheOffsetAndGiveZeroAtTheEnd()
        {
            OpenFile file = Open("/data", OpenFlags.ReadOnly);
            Assert.That(Read(file, 4), Is.EqualTo("0123"));
            Assert.That(Read(file, 4), Is.EqualTo("4567"));
            Assert.That(Read(file, 4), Is.EqualTo("89"));
            Assert.That(file.Read(new byte[4]), Is.EqualTo(0));
            Assert.That(file.Offset, Is.EqualTo(10));
        }

        [Test]
        public void SeekSetsTheOffsetFromEachOrigin()
        {
            OpenFile file = Open("/data", OpenFlags.ReadOnly);
            Assert.That(file.Seek(3, SeekSet), Is.EqualTo(3));
            Assert.That(Read(file, 2), Is.EqualTo("34"));
            Assert.That(file.Seek(-4, SeekCurrent), Is.EqualTo(1));
            Assert.That(Read(file, 1), Is.EqualTo("1"));
            Assert.That(file.Seek(-1, SeekEnd), Is.EqualTo(9));
            Assert.That(Read(file, 5), Is.EqualTo("9"));
            Assert.That(file.Seek(100, SeekEnd), Is.EqualTo(110), "past the end is allowed");
            Assert.That(file.Read(new byte[4]), Is.EqualTo(0));
        }

        [TestCase(-1, SeekSet)]
        [TestCase(-11, SeekEnd)]
        [TestCase(long.MinValue, SeekCurrent)]
        [TestCase(0, 3)]
        [TestCase(0, -1)]
        public void SeekRefusesNegativeOffsetsAndUnknownOrigins(long offset, int whence)
        {
            OpenFile file = Open("/data", OpenFlags.ReadOnly);
            file.Seek(5, SeekSet);
            Assert.That(file.Seek(offset, whence), Is.EqualTo(-(long)Errno.EINVAL));
            Assert.That(file.Offset, Is.EqualTo(5), "a failed seek leaves the offset");
        }

        [Test]
        public void SeekPastTheLargestOffsetIsRefused()
        {
            OpenFile file = Open("/data", OpenFlags.ReadOnly);
            file.Seek(long.MaxValue, SeekSet);
            Assert.That(file.Seek(1, SeekCurrent), Is.EqualTo(-(long)Errno.EINVAL));
            Assert.That(file.Seek(long.MaxValue, SeekEnd), Is.EqualTo(-(long)Errno.EINVAL));
        }

        [Test]
        public void WritesOverwriteAtTheOffsetAndGrowTheFile()
        {
            OpenFile file = Open("/data", OpenFlags.ReadWrite);
            file.Seek(8, SeekSet);
            Assert.That(Write(file, "abcd"), Is.EqualTo(4));
            Assert.That(file.Offset, Is.EqualTo(12));
            Assert.That(Encoding.ASCII.GetString(Contents()), Is.EqualTo("01234567abcd"));
            Assert.That(file.Status.Size, Is.EqualTo(12));
        }

        [Test]
        public void AWritePastTheEndLeavesAZeroFilledGap()
        {
            OpenFile file = Open("/data", OpenFlags.WriteOnly | OpenFlags.Truncate);
            Write(file, "stale bytes of an earlier life");
            Open("/data", OpenFlags.WriteOnly | OpenFlags.Truncate);
            file.Seek(6, SeekSet);
            Write(file, "end");
            Assert.That(Contents(), Is.EqualTo(new byte[] { 0, 0, 0, 0, 0, 0, (byte)'e', (byte)'n', (byte)'d' }));
        }

        [Test]
        public void ManySmallWritesKeepEveryByte()
        {
            OpenFile file = Open("/data", OpenFlags.WriteOnly | OpenFlags.Truncate);
            var expected = new StringBuilder();
            for (int i = 0; i < 3000; i++)
            {
                string piece = (i % 97).ToString() + ",";
                Assert.That(Write(file, piece), Is.EqualTo(piece.Length));
                expected.Append(piece);
            }
            Assert.That(Encoding.ASCII.GetString(Contents()), Is.EqualTo(expected.ToString()));
        }

        [Test]
        public void AppendWritesAtTheEndWhateverTheOffset()
        {
            OpenFile file = Open("/data", OpenFlags.ReadWrite | OpenFlags.Append);
            OpenFile other = Open("/data", OpenFlags.WriteOnly);
            Write(file, "A");
            other.Seek(0, SeekEnd);
            Write(other, "B");
            file.Seek(0, SeekSet);
            Write(file, "C");
            Assert.That(Encoding.ASCII.GetString(Contents()), Is.EqualTo("0123456789ABC"));
            Assert.That(file.Offset, Is.EqualTo(13));
        }

        [Test]
        public void AccessModesAreEnforced()
        {
            Assert.That(Write(Open("/data", OpenFlags.ReadOnly), "x"), Is.EqualTo(-(long)Errno.EBADF));
            Assert.That(Open("/data", OpenFlags.WriteOnly).Read(new byte[4]), Is.EqualTo(-(long)Errno.EBADF));
            Assert.That(Encoding.ASCII.GetString(Contents()), Is.EqualTo("0123456789"));
        }

        [Test]
        public void ADirectoryIsNeitherReadNorWritten()
        {
            OpenFile directory = Open("/dir", OpenFlags.ReadOnly);
            Assert.That(directory.Read(new byte[4]), Is.EqualTo(-(long)Errno.EISDIR));
            Assert.That(Write(directory, "x"), Is.EqualTo(-(long)Errno.EBADF));
            Assert.That(directory.Seek(0, SeekEnd), Is.EqualTo(0));
        }

        [Test]
        public void AFileCannotGrowPastItsLimit()
        {
            OpenFile file = Open("/data", OpenFlags.WriteOnly);
            file.Seek(RegularFile.MaximumSize - 2, SeekSet);
            Assert.That(Write(file, "abc"), Is.EqualTo(-(long)Errno.EFBIG));
            Assert.That(file.Offset, Is.EqualTo(RegularFile.MaximumSize - 2));
            Assert.That(Contents().Length, Is.EqualTo(10), "a refused write changes nothing");
            Assert.That(Write(file, "ab"), Is.EqualTo(2));
            Assert.That(file.Status.Size, Is.EqualTo(RegularFile.MaximumSize));
        }

        [Test]
        public void AnEmptyWriteAndAnEmptyReadDoNothing()
        {
            OpenFile file = Open("/data", OpenFlags.ReadWrite);
            Assert.That(file.Write(ReadOnlySpan<byte>.Empty), Is.EqualTo(0));
            Assert.That(file.Read(Span<byte>.Empty), Is.EqualTo(0));
            Assert.That((file.Offset, file.Status.Size), Is.EqualTo((0L, 10L)));
        }
    }
}
