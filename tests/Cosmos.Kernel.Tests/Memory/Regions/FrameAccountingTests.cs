using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Memory.Regions.MappingFlags;
using static Cosmos.Kernel.Tests.Memory.Regions.UserMemory;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // Every frame user memory took goes back to the allocator, counted to the page: private ones with their page,
    // shared ones with the last mapping of their object.
    [TestFixture]
    public class FrameAccountingTests : AddressSpaceTest
    {

        ulong _freeAtStart;

        [SetUp]
        public void CountFreePages() => _freeAtStart = Memory.FreePages;

        [Test]
        public void TouchedPagesTakeOneFrameEachAndUntouchedOnesNone()
        {
            MapAnonymous(Space, Base, 8);
            FillPages(Space, Base, 3, 1);
            Assert.That(_freeAtStart - Memory.FreePages, Is.EqualTo(3));
            Assert.That(Space.ResidentPages, Is.EqualTo(3));
        }

        [Test]
        public void MunmapOfTheMiddleFreesExactlyItsFrame()
        {
            MapAnonymous(Space, Base, 3);
            FillPages(Space, Base, 3, 1);
            Assert.That(Space.Unmap(Base + Page, Page), Is.EqualTo(Errno.None));
            Assert.That(_freeAtStart - Memory.FreePages, Is.EqualTo(2));
            Assert.That(Space.ResidentPages, Is.EqualTo(2));
        }

        [Test]
        public void DestroyReturnsEveryFrameAfterSplits()
        {
            MapAnonymous(Space, Base, 6);
            FillPages(Space, Base, 6, 1);
            Assert.That(Space.Protect(Base + Page, Page, MemoryProtection.Read), Is.EqualTo(Errno.None));
            Assert.That(Space.Protect(Base + 3 * Page, 2 * Page, MemoryProtection.None), Is.EqualTo(Errno.None));
            Map(Space, Base + 2 * Page, Page, ReadWrite, Private | Anonymous | Fixed);
            FillPages(Space, Base + 2 * Page, 1, 9);
            IMappedFile file = HostFile.WithPattern("/f", 3 * (int)Page, 3).Open(canRead: true, canWrite: true);
            ulong mapped = Map(Space, 0, 3 * Page, ReadWrite, Private, file);
            FillPages(Space, mapped, 3, 1);
            Assert.That(Space.RegionCount, Is.GreaterThan(4));

            Memory.Destroy(Space);

            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart));
            Assert.That(Memory.TableOf(Space).Destroyed, Is.True);
            Assert.That(Space.ResidentPages, Is.Zero);
        }

        [Test]
        public void MapFixedOverWrittenPagesFreesTheirFrames()
        {
            MapAnonymous(Space, Base, 3);
            FillPages(Space, Base, 3, 1);
            MapAnonymous(Space, Base, 3);
            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart));
        }

        // The whole rest of the user half reserved, a few pages touched far apart: unmapping, protecting and destroying
        // cost what is mapped, not the size of the reservation (page by page, this took minutes).
        [Test]
        public void AVastSparseRegionIsProtectedAndTornDownByItsMappedPagesAlone()
        {
            ulong length = UserAddressSpace.UserEnd - UserAddressSpace.MappingBase;
            ulong mapped = Map(Space, UserAddressSpace.MappingBase, length, ReadWrite, Private | Anonymous | Fixed);
            foreach (ulong offset in new[] { 0UL, 1UL << 30, 1UL << 40, length - Page })
                Assert.That(Space.CopyToUser(mapped + offset, new byte[] { 7 }), Is.True);
            Assert.That(Space.Protect(mapped, length, MemoryProtection.Read), Is.EqualTo(Errno.None));
            Assert.That(Space.CanWrite(mapped + (1UL << 40), 1), Is.False);
            Assert.That(Space.Unmap(mapped + (1UL << 39), length - (1UL << 39)), Is.EqualTo(Errno.None));
            Space.Destroy();
            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart));
        }

        [Test]
        public void SharedFileFramesGoWithTheLastMappingOnly()
        {
            var file = HostFile.WithPattern("/f", 2 * (int)Page, 3);
            UserAddressSpace other = Memory.NewAddressSpace();
            ulong here = Map(Space, 0, 2 * Page, ReadWrite, Shared, file.Open(true, true));
            ulong there = Map(other, 0, 2 * Page, ReadWrite, Shared, file.Open(true, true));
            FillPages(Space, here, 2, 1);
            Assert.That(Read(other, there, 2 * (int)Page), Is.Not.Null);
            Assert.That(_freeAtStart - Memory.FreePages, Is.EqualTo(2), "both map the same two frames");

            Memory.Destroy(Space);
            Assert.That(_freeAtStart - Memory.FreePages, Is.EqualTo(2));
            Assert.That(other.Unmap(there, Page), Is.EqualTo(Errno.None));
            Assert.That(_freeAtStart - Memory.FreePages, Is.EqualTo(2), "part of the last mapping remains");
            Memory.Destroy(other);
            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart));
        }

        [Test]
        public void SharedAnonymousFramesGoWhenEveryPieceIsUnmapped()
        {
            ulong mapped = Map(Space, 0, 3 * Page, ReadWrite, Shared | Anonymous);
            FillPages(Space, mapped, 3, 1);
            Assert.That(Space.Unmap(mapped + Page, Page), Is.EqualTo(Errno.None));
            Assert.That(Space.Unmap(mapped, Page), Is.EqualTo(Errno.None));
            Assert.That(Memory.FreePages, Is.LessThan(_freeAtStart));
            Assert.That(Space.Unmap(mapped + 2 * Page, Page), Is.EqualTo(Errno.None));
            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart));
        }
    }
}
