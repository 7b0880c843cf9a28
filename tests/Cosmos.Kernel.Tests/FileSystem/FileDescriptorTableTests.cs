using Cosmos.Kernel.FileSystem;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.FileSystem
{
    [TestFixture]
    public class FileDescriptorTableTests
    {
        sealed class Dummy : IFileObject
        {
            public long Read(System.Span<byte> buffer) => 0;
            public long Write(System.ReadOnlySpan<byte> data) => data.Length;
            public long Seek(long offset, int whence) => -(long)Errno.ESPIPE;
            public FileStatus Status => new FileStatus(FileType.CharacterDevice, 0);
            public Cosmos.Kernel.Memory.Regions.IMappedFile Mapping => null;
        }

        [Test]
        public void DescriptorsAreTheLowestFreeNumbers()
        {
            var table = new FileDescriptorTable();
            IFileObject a = new Dummy(), b = new Dummy(), c = new Dummy(), d = new Dummy();
            Assert.That(table.Add(a), Is.EqualTo(0));
            Assert.That(table.Add(b), Is.EqualTo(1));
            Assert.That(table.Add(c), Is.EqualTo(2));
            Assert.That(table.Close(1), Is.True);
            Assert.That(table.Get(1), Is.Null);
            Assert.That(table.Add(d), Is.EqualTo(1));
            Assert.That(table.Add(a), Is.EqualTo(3), "one file may sit behind several descriptors");
            Assert.That((table.Get(0), table.Get(1), table.Get(2), table.Get(3)), Is.EqualTo((a, d, c, a)));
            Assert.That(table.Count, Is.EqualTo(4));
        }

        [Test]
        public void AFullTableAnswersEmfile()
        {
            var table = new FileDescriptorTable();
            for (int fd = 0; fd < FileDescriptorTable.Capacity; fd++) Assert.That(table.Add(new Dummy()), Is.EqualTo(fd));
            Assert.That(table.Add(new Dummy()), Is.EqualTo(-(int)Errno.EMFILE));
            Assert.That(table.Count, Is.EqualTo(FileDescriptorTable.Capacity));
            table.Close(40);
            Assert.That(table.Add(new Dummy()), Is.EqualTo(40));
        }

        [TestCase(-1)]
        [TestCase(int.MinValue)]
        [TestCase(FileDescriptorTable.Capacity)]
        [TestCase(int.MaxValue)]
        [TestCase(5)]
        public void AnyNumberNotOpenIsNullAndClosesToFalse(int fd)
        {
            var table = new FileDescriptorTable();
            table.Add(new Dummy());
            Assert.That(table.Get(fd), Is.Null);
            Assert.That(table.Close(fd), Is.False);
            Assert.That(table.Count, Is.EqualTo(1));
        }

        [Test]
        public void ClosingTwiceFailsTheSecondTime()
        {
            var table = new FileDescriptorTable();
            int fd = table.Add(new Dummy());
            Assert.That(table.Close(fd), Is.True);
            Assert.That(table.Close(fd), Is.False);
            Assert.That(table.Count, Is.EqualTo(0));
        }

        [Test]
        public void CloseAllEmptiesTheTable()
        {
            var table = new FileDescriptorTable();
            for (int i = 0; i < 10; i++) table.Add(new Dummy());
            table.CloseAll();
            Assert.That(table.Count, Is.EqualTo(0));
            for (int fd = 0; fd < 10; fd++) Assert.That(table.Get(fd), Is.Null);
            Assert.That(table.Add(new Dummy()), Is.EqualTo(0));
        }
    }
}
