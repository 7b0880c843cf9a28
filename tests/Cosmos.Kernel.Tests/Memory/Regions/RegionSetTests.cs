using System;
using System.Linq;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    [TestFixture]
    public class RegionSetTests
    {
        const ulong Page = MemoryRegion.PageSize;

        // Regions named by page numbers: [first, end) pages.
        static MemoryRegion Region(ulong first, ulong end)
            => new AnonymousRegion(first * Page, end * Page, MemoryProtection.Read, "test");

        // Pages [2, 4), [4, 5), [8, 10): two adjacent regions, a gap of three pages, a third.
        static RegionSet ThreeRegions()
        {
            var set = new RegionSet();
            set.Insert(Region(8, 10));
            set.Insert(Region(2, 4));
            set.Insert(Region(4, 5));
            return set;
        }

        static (ulong, ulong)[] Bounds(RegionSet set)
            => Enumerable.Range(0, set.Count).Select(i => (set[i].Start / Page, set[i].End / Page)).ToArray();

        [Test]
        public void InsertKeepsTheRegionsSortedWhateverTheOrder()
        {
            Assert.That(Bounds(ThreeRegions()), Is.EqualTo(new[] { (2UL, 4UL), (4UL, 5UL), (8UL, 10UL) }));
        }

        [TestCase(3UL, 5UL)]     // overlaps the end of [2, 4) and [4, 5)
        [TestCase(1UL, 3UL)]     // overlaps the start of [2, 4)
        [TestCase(7UL, 11UL)]    // contains [8, 10)
        [TestCase(9UL, 10UL)]    // inside [8, 10)
        public void InsertingAnOverlappingRegionThrowsAndChangesNothing(ulong first, ulong end)
        {
            RegionSet set = ThreeRegions();
            Assert.Throws<InvalidOperationException>(() => set.Insert(Region(first, end)));
            Assert.That(set.Count, Is.EqualTo(3));
        }

        [Test]
        public void InsertFitsARegionExactlyIntoAGap()
        {
            RegionSet set = ThreeRegions();
            set.Insert(Region(5, 8));
            Assert.That(Bounds(set), Is.EqualTo(new[] { (2UL, 4UL), (4UL, 5UL), (5UL, 8UL), (8UL, 10UL) }));
        }

        [TestCase(0UL, 0)]                 // below everything
        [TestCase(2 * Page, 0)]            // first byte of the first region
        [TestCase(4 * Page - 1, 0)]        // its last byte
        [TestCase(4 * Page, 1)]            // first byte of the adjacent region
        [TestCase(5 * Page, 2)]            // in the gap: the next region up
        [TestCase(10 * Page - 1, 2)]
        [TestCase(10 * Page, 3)]           // past the end: Count
        public void IndexAfterIsTheFirstRegionEndingAboveTheAddress(ulong address, int index)
        {
            Assert.That(ThreeRegions().IndexAfter(address), Is.EqualTo(index));
        }

        [TestCase(2 * Page, 2UL)]
        [TestCase(4 * Page - 1, 2UL)]
        [TestCase(4 * Page, 4UL)]
        [TestCase(9 * Page + 7, 8UL)]
        public void FindReturnsTheRegionHoldingTheAddress(ulong address, ulong firstPage)
        {
            Assert.That(ThreeRegions().Find(address).Start, Is.EqualTo(firstPage * Page));
        }

        [TestCase(2 * Page - 1)]
        [TestCase(5 * Page)]
        [TestCase(8 * Page - 1)]
        [TestCase(10 * Page)]
        public void FindReturnsNullOutsideEveryRegion(ulong address)
        {
            Assert.That(ThreeRegions().Find(address), Is.Null);
        }

        [TestCase(5UL, 8UL, true)]      // exactly the gap
        [TestCase(0UL, 2UL, true)]      // below, touching the first region
        [TestCase(10UL, 20UL, true)]    // above, touching the last
        [TestCase(5UL, 9UL, false)]     // runs into [8, 10)
        [TestCase(4UL, 6UL, false)]     // starts in [4, 5)
        [TestCase(1UL, 11UL, false)]    // covers everything
        public void IsFreeSaysWhetherNoRegionOverlaps(ulong first, ulong end, bool free)
        {
            Assert.That(ThreeRegions().IsFree(first * Page, end * Page), Is.EqualTo(free));
        }

        [TestCase(2UL, 5UL, true)]      // two adjacent regions
        [TestCase(3UL, 4UL, true)]      // inside one
        [TestCase(8UL, 10UL, true)]
        [TestCase(2UL, 6UL, false)]     // runs into the gap
        [TestCase(4UL, 9UL, false)]     // spans the gap
        [TestCase(1UL, 3UL, false)]     // starts below everything
        [TestCase(9UL, 11UL, false)]    // ends above everything
        public void CoversSaysWhetherRegionsLeaveNoGap(ulong first, ulong end, bool covered)
        {
            Assert.That(ThreeRegions().Covers(first * Page, end * Page), Is.EqualTo(covered));
        }

        [TestCase(2UL, 0UL, 0UL)]       // first fit from 0: [0, 2) is free
        [TestCase(3UL, 0UL, 5UL)]       // [0, 2) is too small: the gap [5, 8)
        [TestCase(4UL, 0UL, 10UL)]      // no gap is big enough: above the last region
        [TestCase(1UL, 3UL, 5UL)]       // from inside a region: the next gap
        [TestCase(2UL, 6UL, 6UL)]       // from inside a gap: what is left of it
        public void TryFindGapFindsTheLowestFreeRangeAtOrAboveFrom(ulong pages, ulong from, ulong expected)
        {
            Assert.That(ThreeRegions().TryFindGap(pages * Page, from * Page, 100 * Page, out ulong start), Is.True);
            Assert.That(start, Is.EqualTo(expected * Page));
        }

        [TestCase(3UL, 8UL, false)]     // the gap [5, 8) ends exactly at the limit
        [TestCase(3UL, 7UL, true)]      // limit cuts the gap short, and nothing above fits
        [TestCase(4UL, 13UL, true)]     // above the last region, [10, 14) ends past the limit
        [TestCase(4UL, 14UL, false)]    // just fits
        public void TryFindGapRespectsTheLimit(ulong pages, ulong limit, bool fails)
        {
            bool found = ThreeRegions().TryFindGap(pages * Page, 2 * Page, limit * Page, out ulong start);
            Assert.That(found, Is.EqualTo(!fails));
            if (found) Assert.That(start + pages * Page, Is.LessThanOrEqualTo(limit * Page));
        }

        [Test]
        public void SplitAtMakesABoundaryInsideARegion()
        {
            RegionSet set = ThreeRegions();
            set.SplitAt(9 * Page);
            Assert.That(Bounds(set), Is.EqualTo(new[] { (2UL, 4UL), (4UL, 5UL), (8UL, 9UL), (9UL, 10UL) }));
            Assert.That(set[3], Is.InstanceOf<AnonymousRegion>());
            Assert.That(set[3].Protection, Is.EqualTo(MemoryProtection.Read));
        }

        [TestCase(4UL)]     // a boundary already
        [TestCase(6UL)]     // in a gap
        [TestCase(2UL)]     // a region's start
        [TestCase(10UL)]    // the last region's end
        [TestCase(20UL)]    // above everything
        public void SplitAtABoundaryOrAGapChangesNothing(ulong page)
        {
            RegionSet set = ThreeRegions();
            set.SplitAt(page * Page);
            Assert.That(Bounds(set), Is.EqualTo(Bounds(ThreeRegions())));
        }

        [Test]
        public void IsolateSplitsBothEndsAndReturnsTheRegionsInside()
        {
            RegionSet set = ThreeRegions();
            set.Isolate(3 * Page, 9 * Page, out int first, out int last);
            Assert.That(Bounds(set), Is.EqualTo(new[] { (2UL, 3UL), (3UL, 4UL), (4UL, 5UL), (8UL, 9UL), (9UL, 10UL) }));
            Assert.That((first, last), Is.EqualTo((1, 4)));
        }

        [Test]
        public void IsolateInsideOneRegionMakesThreePieces()
        {
            var set = new RegionSet();
            set.Insert(Region(1, 4));
            set.Isolate(2 * Page, 3 * Page, out int first, out int last);
            Assert.That(Bounds(set), Is.EqualTo(new[] { (1UL, 2UL), (2UL, 3UL), (3UL, 4UL) }));
            Assert.That((first, last), Is.EqualTo((1, 2)));
        }

        [Test]
        public void IsolateOfAGapIsAnEmptyRange()
        {
            RegionSet set = ThreeRegions();
            set.Isolate(5 * Page, 8 * Page, out int first, out int last);
            Assert.That(set.Count, Is.EqualTo(3));
            Assert.That(first, Is.EqualTo(last));
        }

        [Test]
        public void RemoveRangeDropsTheRegionsAndKeepsTheRestSorted()
        {
            RegionSet set = ThreeRegions();
            set.RemoveRange(0, 2);
            Assert.That(Bounds(set), Is.EqualTo(new[] { (8UL, 10UL) }));
            Assert.That(set.Find(3 * Page), Is.Null);
        }
    }
}
