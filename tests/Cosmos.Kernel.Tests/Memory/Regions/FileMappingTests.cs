using System;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Memory.Regions.MappingFlags;
using static Cosmos.Kernel.Tests.Memory.Regions.UserMemory;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // File mappings (memory-spec section 5 and docs/syscalls.md): the end-of-file rule, private copies, shared pages
    // written back by msync and the last unmap, never growing the file.
    [TestFixture]
    public class FileMappingTests : AddressSpaceTest
    {
        const int MsSync = 4;
        const int FileLength = 6144;

        HostFile _file;
        byte[] _original;
        ulong _freeAtStart;

        [SetUp]
        public void CreateFile()
        {
            _file = HostFile.WithPattern("/data/6144", FileLength, 42);
            _original = (byte[])_file.Contents.Clone();
            _freeAtStart = Memory.FreePages;
        }

        // Frames taken since the test began.
        ulong ResidentFramesUsed() => _freeAtStart - Memory.FreePages;

        IMappedFile ReadWriteDescriptor() => _file.Open(canRead: true, canWrite: true);

        Errno MapFile(ulong length, ulong offset, MappingFlags sharing, out ulong mapped)
            => Space.Map(0, length, ReadWrite, sharing, ReadWriteDescriptor(), offset, out mapped);

        [Test]
        public void EightKibAtOffsetZeroMapsAndReadsZeroPastTheEndOfFile([Values(Private, Shared)] MappingFlags sharing)
        {
            Assert.That(MapFile(8192, 0, sharing, out ulong mapped), Is.EqualTo(Errno.None));
            byte[] bytes = Read(Space, mapped, 8192);
            Assert.That(bytes[..FileLength], Is.EqualTo(_original));
            Assert.That(bytes[FileLength..], Is.EqualTo(new byte[8192 - FileLength]));
        }

        [TestCase(12288UL, 0UL)]
        [TestCase(8192UL, 4096UL)]
        [TestCase(4096UL, 8192UL)]
        public void AMappingPastTheEndOfTheLastPageOfTheFileIsEoverflow(ulong length, ulong offset)
        {
            Assert.That(MapFile(length, offset, Private, out _), Is.EqualTo(Errno.EOVERFLOW));
            Assert.That(MapFile(length, offset, Shared, out _), Is.EqualTo(Errno.EOVERFLOW));
            Assert.That(Space.RegionCount, Is.Zero);
        }

        [Test]
        public void FourKibAtOffsetFourKibMapsTheSecondPage([Values(Private, Shared)] MappingFlags sharing)
        {
            Assert.That(MapFile(4096, 4096, sharing, out ulong mapped), Is.EqualTo(Errno.None));
            byte[] bytes = Read(Space, mapped, 4096);
            Assert.That(bytes[..(FileLength - 4096)], Is.EqualTo(_original[4096..]));
            Assert.That(bytes[(FileLength - 4096)..], Is.EqualTo(new byte[8192 - FileLength]));
        }

        [Test]
        public void PrivateWritesNeverReachTheFile()
        {
            Assert.That(MapFile(8192, 0, Private, out ulong mapped), Is.EqualTo(Errno.None));
            Assert.That(Space.CopyToUser(mapped + 100, Filled(0xEE, 6000)), Is.True);
            Assert.That(Space.Sync(mapped, 8192, MsSync), Is.EqualTo(Errno.None));
            Assert.That(Space.Unmap(mapped, 8192), Is.EqualTo(Errno.None));
            Assert.That(_file.Contents, Is.EqualTo(_original));
        }

        [Test]
        public void APrivatePageIsCopiedFromTheFileAtOffsetOfItsPiece()
        {
            // A split keeps each piece's file offset: the upper piece's pages come from the file's second page.
            Assert.That(MapFile(8192, 0, Private, out ulong mapped), Is.EqualTo(Errno.None));
            Assert.That(Space.Protect(mapped, 4096, MemoryProtection.Read), Is.EqualTo(Errno.None));
            Assert.That(Read(Space, mapped + 4096, 100), Is.EqualTo(_original[4096..4196]));
        }

        // Copy-on-write: a private page that was only read is the file's shared page, so it shows what a shared mapping
        // writes; its first write gives it a copy of its own, which the shared mapping and the file never see.
        [Test]
        public void APrivatePageSharesTheFilesPageUntilItIsWritten()
        {
            var other = Memory.NewAddressSpace();
            Assert.That(MapFile(4096, 0, Private, out ulong mine), Is.EqualTo(Errno.None));
            ulong shared = Map(other, 0, 4096, ReadWrite, Shared, ReadWriteDescriptor());
            Assert.That(Read(Space, mine, 2), Is.EqualTo(_original[..2]));
            Assert.That(ResidentFramesUsed(), Is.EqualTo(1UL), "a page read through both mappings is one frame");

            Assert.That(other.CopyToUser(shared, new byte[] { 0x11 }), Is.True);
            Assert.That(Read(Space, mine, 1), Is.EqualTo(new byte[] { 0x11 }), "not written yet: the shared write shows");

            Assert.That(Space.CopyToUser(mine + 1, new byte[] { 0x22 }), Is.True);
            Assert.That(ResidentFramesUsed(), Is.EqualTo(2UL), "the write made a private copy");
            Assert.That(other.CopyToUser(shared, new byte[] { 0x33 }), Is.True);
            Assert.That(Read(Space, mine, 2), Is.EqualTo(new byte[] { 0x11, 0x22 }), "the copy keeps its bytes");
            Assert.That(Read(other, shared, 2), Is.EqualTo(new byte[] { 0x33, _original[1] }), "the private write stays private");

            Memory.Destroy(other);
            Assert.That(Space.Unmap(mine, 4096), Is.EqualTo(Errno.None));
            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart), "every frame back");
            Assert.That(_file.Contents[..2], Is.EqualTo(new byte[] { 0x33, _original[1] }));
        }

        // A fault that writes a page not present yet copies at once; one that reads maps the file's page read-only.
        [Test]
        public void AWriteFaultCopiesAndAReadFaultShares()
        {
            Assert.That(MapFile(8192, 0, Private, out ulong mapped), Is.EqualTo(Errno.None));
            Assert.That(Space.ResolveFault(mapped, MemoryProtection.Read, out _), Is.True);
            Assert.That(Memory.TableOf(Space).AttributesOf(mapped) & PageAttributes.Writable, Is.EqualTo((PageAttributes)0), "read: shared, read-only");
            Assert.That(Space.ResolveFault(mapped, MemoryProtection.Write, out _), Is.True);
            Assert.That(Memory.TableOf(Space).AttributesOf(mapped) & PageAttributes.Writable, Is.EqualTo(PageAttributes.Writable), "written: its own copy");
            Assert.That(Space.ResolveFault(mapped + 4096, MemoryProtection.Write, out _), Is.True);
            Assert.That(Read(Space, mapped, 4096), Is.EqualTo(_original[..4096]));
            Assert.That(Read(Space, mapped + 4096, 100), Is.EqualTo(_original[4096..4196]));
        }

        [Test]
        public void TwoAddressSpacesSharingAFileSeeEachOthersWrites()
        {
            var other = Memory.NewAddressSpace();
            ulong here = Map(Space, 0, 8192, ReadWrite, Shared, ReadWriteDescriptor());
            ulong there = Map(other, 0, 8192, ReadWrite, Shared, ReadWriteDescriptor());

            Assert.That(Space.CopyToUser(here + 10, new byte[] { 1, 2, 3 }), Is.True);
            Assert.That(Read(other, there + 10, 3), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(other.CopyToUser(there + 5000, new byte[] { 4, 5 }), Is.True);
            Assert.That(Read(Space, here + 5000, 2), Is.EqualTo(new byte[] { 4, 5 }));
        }

        [Test]
        public void MsyncWritesSharedPagesBackWithoutGrowingTheFile()
        {
            ulong mapped = Map(Space, 0, 8192, ReadWrite, Shared, ReadWriteDescriptor());
            Assert.That(Space.CopyToUser(mapped + 6000, Filled(0x77, 2000)), Is.True);   // 144 bytes inside the file

            Assert.That(Space.Sync(mapped, 8192, MsSync), Is.EqualTo(Errno.None));

            Assert.That(_file.Contents.Length, Is.EqualTo(FileLength));
            Assert.That(_file.Contents[..6000], Is.EqualTo(_original[..6000]));
            Assert.That(_file.Contents[6000..], Is.EqualTo(Filled(0x77, FileLength - 6000)));
        }

        [Test]
        public void MsyncWritesBackOnlyTheRangeAsked()
        {
            ulong mapped = Map(Space, 0, 8192, ReadWrite, Shared, ReadWriteDescriptor());
            Assert.That(Space.CopyToUser(mapped, Filled(0x55, 8192)), Is.True);
            Assert.That(Space.Sync(mapped + 4096, 4096, MsSync), Is.EqualTo(Errno.None));
            Assert.That(_file.Contents[..4096], Is.EqualTo(_original[..4096]));
            Assert.That(_file.Contents[4096..], Is.EqualTo(Filled(0x55, FileLength - 4096)));
        }

        [Test]
        public void TheLastUnmapWritesBackAndNotBefore()
        {
            var other = Memory.NewAddressSpace();
            ulong here = Map(Space, 0, 4096, ReadWrite, Shared, ReadWriteDescriptor());
            ulong there = Map(other, 0, 4096, MemoryProtection.Read, Shared, _file.Open(canRead: true, canWrite: false));
            Assert.That(Space.CopyToUser(here, new byte[] { 9, 9 }), Is.True);

            Assert.That(Space.Unmap(here, 4096), Is.EqualTo(Errno.None));
            Assert.That(_file.Contents[..2], Is.EqualTo(_original[..2]), "a mapping of the file remains");
            Assert.That(Read(other, there, 2), Is.EqualTo(new byte[] { 9, 9 }));

            Memory.Destroy(other);
            Assert.That(_file.Contents[..2], Is.EqualTo(new byte[] { 9, 9 }));
            Assert.That(_file.Contents[2..], Is.EqualTo(_original[2..]));
            Assert.That(_file.SharedPages, Is.Null, "the file's shared pages went with the last mapping");
        }

        // A page a mapping could only read is not written back, so it cannot undo a write() made to the file meanwhile;
        // a page made writable by mprotect is.
        [Test]
        public void OnlyPagesAMappingCouldWriteAreWrittenBack()
        {
            ulong mapped = Map(Space, 0, 8192, MemoryProtection.Read, Shared, ReadWriteDescriptor());
            Assert.That(Read(Space, mapped, 1), Is.EqualTo(_original[..1]), "the first page touched, read-only");
            _file.Contents[0] = (byte)(_original[0] + 1);            // a write() to the file meanwhile
            Assert.That(Space.Protect(mapped + 4096, 4096, ReadWrite), Is.EqualTo(Errno.None));
            Assert.That(Space.CopyToUser(mapped + 4096, new byte[] { 0x66 }), Is.True);

            Assert.That(Space.Unmap(mapped, 8192), Is.EqualTo(Errno.None));
            Assert.That(_file.Contents[0], Is.EqualTo((byte)(_original[0] + 1)), "the read-only page did not overwrite the write()");
            Assert.That(_file.Contents[4096], Is.EqualTo((byte)0x66), "the page made writable was written back");
        }

        [Test]
        public void AnotherSharedMappingAfterTheLastOneReadsTheWrittenBackFile()
        {
            ulong first = Map(Space, 0, 4096, ReadWrite, Shared, ReadWriteDescriptor());
            Assert.That(Space.CopyToUser(first, new byte[] { 7 }), Is.True);
            Assert.That(Space.Unmap(first, 4096), Is.EqualTo(Errno.None));
            ulong second = Map(Space, 0, 4096, MemoryProtection.Read, Shared, ReadWriteDescriptor());
            Assert.That(Read(Space, second, 1), Is.EqualTo(new byte[] { 7 }));
        }

        [Test]
        public void SplittingASharedMappingKeepsEachPieceOnItsOwnFilePages()
        {
            ulong mapped = Map(Space, 0, 8192, ReadWrite, Shared, ReadWriteDescriptor());
            Assert.That(Space.Protect(mapped, 4096, MemoryProtection.Read), Is.EqualTo(Errno.None));
            Assert.That(Space.CopyToUser(mapped + 4096, new byte[] { 3 }), Is.True);
            Assert.That(Space.Unmap(mapped, 4096), Is.EqualTo(Errno.None));
            Assert.That(_file.Contents[4096], Is.EqualTo(_original[4096]), "the upper piece is still mapped");
            Assert.That(Space.Unmap(mapped + 4096, 4096), Is.EqualTo(Errno.None));
            Assert.That(_file.Contents[4096], Is.EqualTo(3));
        }

        [Test]
        public void ASharedWritableMappingOfAReadOnlyDescriptorIsEaccesForMmapAndMprotect()
        {
            IMappedFile readOnly = _file.Open(canRead: true, canWrite: false);
            Assert.That(Space.Map(0, 4096, ReadWrite, Shared, readOnly, 0, out _), Is.EqualTo(Errno.EACCES));
            ulong mapped = Map(Space, 0, 4096, MemoryProtection.Read, Shared, readOnly);
            Assert.That(Space.Protect(mapped, 4096, ReadWrite), Is.EqualTo(Errno.EACCES));
            Assert.That(Space.CanWrite(mapped, 1), Is.False);
        }

        [Test]
        public void SharedAnonymousMemoryBehavesAsPrivateZeroedMemory()
        {
            ulong mapped = Map(Space, 0, 3 * Page, ReadWrite, Shared | Anonymous);
            Assert.That(Read(Space, mapped, (int)(3 * Page)), Is.EqualTo(new byte[3 * Page]));
            FillPages(Space, mapped, 3, 0xC0);
            Assert.That(Space.Unmap(mapped + Page, Page), Is.EqualTo(Errno.None));
            Assert.That(Read(Space, mapped + 2 * Page, (int)Page), Is.EqualTo(Filled(0xC2, (int)Page)));
        }
    }
}
