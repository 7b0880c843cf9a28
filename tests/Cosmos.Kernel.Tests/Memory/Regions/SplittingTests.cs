using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Memory.Regions.MappingFlags;
using static Cosmos.Kernel.Tests.Memory.Regions.UserMemory;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // munmap, mprotect and MAP_FIXED over part of a region split it, and every piece keeps its pages' data
    // (memory-spec section 4). Each test starts from three written pages, 0xA0, 0xA1 and 0xA2 throughout.
    [TestFixture]
    public class SplittingTests : AddressSpaceTest
    {
        const ulong Middle = Base + Page, Last = Base + 2 * Page;

        [SetUp]
        public void MapThreeWrittenPages()
        {
            MapAnonymous(Space, Base, 3);
            FillPages(Space, Base, 3, 0xA0);
        }

        void AssertOuterPagesIntact()
        {
            Assert.That(Read(Space, Base, (int)Page), Is.EqualTo(Filled(0xA0, (int)Page)));
            Assert.That(Read(Space, Last, (int)Page), Is.EqualTo(Filled(0xA2, (int)Page)));
        }

        [Test]
        public void MunmapOfTheMiddlePageLeavesTwoRegionsWithTheirData()
        {
            Assert.That(Space.Unmap(Middle, Page), Is.EqualTo(Errno.None));

            Assert.That(Space.RegionCount, Is.EqualTo(2));
            AssertOuterPagesIntact();
            Assert.That(Read(Space, Middle, 1), Is.Null);
            Assert.That(Space.ResolveFault(Middle, MemoryProtection.Read, out string violation), Is.False);
            Assert.That(violation, Is.EqualTo("no mapping there"));
        }

        [Test]
        public void MunmapRoundsTheAddressDownAndTheLengthUp()
        {
            // One byte before the middle page to one byte into it: pages 0 and 1 go.
            Assert.That(Space.Unmap(Middle - 1, 2), Is.EqualTo(Errno.None));
            Assert.That(Space.CanRead(Base, 1), Is.False);
            Assert.That(Space.CanRead(Middle, 1), Is.False);
            Assert.That(Read(Space, Last, (int)Page), Is.EqualTo(Filled(0xA2, (int)Page)));
        }

        [Test]
        public void MunmapAcrossRegionsAndGapsRemovesOnlyTheOverlap()
        {
            MapAnonymous(Space, Base + 5 * Page, 2);
            FillPages(Space, Base + 5 * Page, 2, 0xB0);
            Assert.That(Space.Unmap(Last, 4 * Page), Is.EqualTo(Errno.None));   // page 2, the gap, page 5
            Assert.That(Read(Space, Base, 2 * (int)Page), Is.Not.Null);
            Assert.That(Space.CanRead(Last, 1), Is.False);
            Assert.That(Space.CanRead(Base + 5 * Page, 1), Is.False);
            Assert.That(Read(Space, Base + 6 * Page, (int)Page), Is.EqualTo(Filled(0xB1, (int)Page)));
        }

        [Test]
        public void MprotectOfTheMiddlePageToReadOnlyAndBackKeepsTheData()
        {
            Assert.That(Space.Protect(Middle, Page, MemoryProtection.Read), Is.EqualTo(Errno.None));
            Assert.That(Space.RegionCount, Is.EqualTo(3));
            Assert.That(Space.CopyToUser(Middle + 10, new byte[] { 1 }), Is.False, "the middle page is read-only");
            Assert.That(Space.CopyToUser(Base + Page - 1, new byte[] { 1, 2 }), Is.False, "a copy into it from the page below fails whole");
            Assert.That(Read(Space, Base + Page - 1, 1), Is.EqualTo(new byte[] { 0xA0 }), "and changes nothing");
            Assert.That(Read(Space, Middle, (int)Page), Is.EqualTo(Filled(0xA1, (int)Page)));
            Assert.That(Memory.TableOf(Space).AttributesOf(Middle), Is.EqualTo(PageAttributes.User));

            Assert.That(Space.Protect(Middle, Page, ReadWrite), Is.EqualTo(Errno.None));
            Assert.That(Space.CopyToUser(Middle + 10, new byte[] { 1 }), Is.True);
            Assert.That(Read(Space, Middle, 11)[..10], Is.EqualTo(Filled(0xA1, 10)));
            AssertOuterPagesIntact();
        }

        [Test]
        public void ProtNoneRefusesEveryAccessAndKeepsTheData()
        {
            Assert.That(Space.Protect(Base, 3 * Page, MemoryProtection.None), Is.EqualTo(Errno.None));
            Assert.That(Read(Space, Middle, 1), Is.Null);
            Assert.That(Space.CopyToUser(Middle, new byte[] { 1 }), Is.False);
            Assert.That(Space.ResolveFault(Middle, MemoryProtection.Read, out _), Is.False);
            Assert.That(Memory.TableOf(Space).AttributesOf(Middle) & PageAttributes.User, Is.EqualTo((PageAttributes)0),
                        "a PROT_NONE page stays present for the kernel only");

            Assert.That(Space.Protect(Base, 3 * Page, ReadWrite), Is.EqualTo(Errno.None));
            Assert.That(Read(Space, Middle, (int)Page), Is.EqualTo(Filled(0xA1, (int)Page)));
            AssertOuterPagesIntact();
        }

        [Test]
        public void MapFixedOverTheMiddleReadsZeroThereAndKeepsTheOuterData()
        {
            ulong mapped = Map(Space, Middle, Page, ReadWrite, Private | Anonymous | Fixed);
            Assert.That(mapped, Is.EqualTo(Middle));
            Assert.That(Space.RegionCount, Is.EqualTo(3));
            Assert.That(Read(Space, Middle, (int)Page), Is.EqualTo(new byte[Page]));
            AssertOuterPagesIntact();
        }

        [Test]
        public void MapFixedNoReplaceOverAnythingIsEexistAndChangesNothing()
        {
            Errno error = Space.Map(Last, 2 * Page, ReadWrite, Private | Anonymous | FixedNoReplace, null, 0, out _);
            Assert.That(error, Is.EqualTo(Errno.EEXIST));
            Assert.That(Space.RegionCount, Is.EqualTo(1));
            Assert.That(Space.CanRead(Last + Page, 1), Is.False);
            Assert.That(Read(Space, Middle, (int)Page), Is.EqualTo(Filled(0xA1, (int)Page)));
            // Next to it, it maps.
            Assert.That(Space.Map(Last + Page, Page, ReadWrite, Private | Anonymous | FixedNoReplace, null, 0, out ulong mapped), Is.EqualTo(Errno.None));
            Assert.That(mapped, Is.EqualTo(Last + Page));
        }

        [Test]
        public void AFreeHintIsHonoured()
        {
            const ulong Hint = 0x4000_0000;
            Assert.That(Map(Space, Hint, Page, ReadWrite, Private | Anonymous), Is.EqualTo(Hint));
        }

        [Test]
        public void ATakenOrUnalignedHintLeavesTheChoiceToTheKernel()
        {
            ulong overTaken = Map(Space, Middle, Page, ReadWrite, Private | Anonymous);
            Assert.That(overTaken, Is.EqualTo(Base + 3 * Page), "the lowest gap above the mapping base");
            Assert.That(Read(Space, Middle, (int)Page), Is.EqualTo(Filled(0xA1, (int)Page)), "a hint never evicts");
            ulong unaligned = Map(Space, 0x4000_0001, Page, ReadWrite, Private | Anonymous);
            Assert.That(unaligned, Is.EqualTo(Base + 4 * Page));
        }

        [Test]
        public void WithoutAHintTheKernelTakesTheLowestGapFromTheMappingBase()
        {
            Assert.That(Space.Unmap(Middle, Page), Is.EqualTo(Errno.None));
            Assert.That(Map(Space, 0, 2 * Page, ReadWrite, Private | Anonymous), Is.EqualTo(Base + 3 * Page), "the gap is one page");
            Assert.That(Map(Space, 0, 100, ReadWrite, Private | Anonymous), Is.EqualTo(Middle), "a length occupies whole pages");
        }
    }
}
