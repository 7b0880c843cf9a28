using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Memory;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory
{
    [TestFixture]
    public class PageRangeSetTests
    {
        static PageRangeSet Of(params (ulong First, ulong End)[] ranges)
        {
            var set = new PageRangeSet();
            foreach (var (first, end) in ranges) set.Add(new PageRange(first, end));
            return set;
        }

        static (ulong, ulong)[] Ranges(PageRangeSet set) => set.ToArray().Select(r => (r.First, r.End)).ToArray();

        [Test]
        public void DisjointRangesStaySeparateAndSorted()
        {
            PageRangeSet set = Of((30, 40), (10, 20), (50, 51));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (10UL, 20UL), (30UL, 40UL), (50UL, 51UL) }));
            Assert.That(set.Count, Is.EqualTo(3));
            Assert.That(set.PageCount, Is.EqualTo(21UL));
        }

        [Test]
        public void OverlappingRangesMerge()
        {
            Assert.That(Ranges(Of((10, 20), (15, 25))), Is.EqualTo(new[] { (10UL, 25UL) }));
            Assert.That(Ranges(Of((15, 25), (10, 20))), Is.EqualTo(new[] { (10UL, 25UL) }));
        }

        [Test]
        public void TouchingRangesMerge()
        {
            Assert.That(Ranges(Of((10, 20), (20, 30))), Is.EqualTo(new[] { (10UL, 30UL) }));
            Assert.That(Ranges(Of((20, 30), (10, 20))), Is.EqualTo(new[] { (10UL, 30UL) }));
        }

        [Test]
        public void AContainedRangeChangesNothingAndAContainingOneSwallows()
        {
            Assert.That(Ranges(Of((10, 30), (12, 18))), Is.EqualTo(new[] { (10UL, 30UL) }));
            Assert.That(Ranges(Of((12, 18), (40, 50), (10, 60))), Is.EqualTo(new[] { (10UL, 60UL) }));
        }

        [Test]
        public void ARangeBridgingSeveralMergesThemAll()
        {
            PageRangeSet set = Of((0, 2), (4, 6), (8, 10), (12, 14), (20, 21));
            set.Add(new PageRange(1, 13));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (0UL, 14UL), (20UL, 21UL) }));
        }

        [Test]
        public void EmptyRangesAreIgnored()
        {
            PageRangeSet set = Of((5, 5), (10, 3));
            Assert.That(set.Count, Is.EqualTo(0));
            set.Add(new PageRange(1, 2));
            set.Remove(new PageRange(1, 1));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (1UL, 2UL) }));
        }

        [Test]
        public void ManyUnsortedRangesGrowTheStorage()
        {
            var set = new PageRangeSet();
            for (ulong i = 0; i < 40; i++) set.Add(new PageRange((39 - i) * 3, (39 - i) * 3 + 1));
            Assert.That(set.Count, Is.EqualTo(40));
            for (int i = 0; i < 40; i++) Assert.That(set[i].First, Is.EqualTo((ulong)i * 3));
        }

        [Test]
        public void RemovingTheMiddleSplits()
        {
            PageRangeSet set = Of((10, 30));
            set.Remove(new PageRange(15, 20));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (10UL, 15UL), (20UL, 30UL) }));
        }

        [Test]
        public void RemovingAnEndTrims()
        {
            PageRangeSet set = Of((10, 30));
            set.Remove(new PageRange(5, 12));
            set.Remove(new PageRange(25, 40));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (12UL, 25UL) }));
        }

        [Test]
        public void RemovingAWholeRangeDropsItAndKeepsItsNeighbours()
        {
            PageRangeSet set = Of((0, 5), (10, 20), (30, 40));
            set.Remove(new PageRange(10, 20));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (0UL, 5UL), (30UL, 40UL) }));
        }

        [Test]
        public void RemovingAcrossManyRangesTrimsBothEndsAndDropsTheMiddle()
        {
            PageRangeSet set = Of((0, 5), (10, 20), (30, 40), (50, 60), (70, 80));
            set.Remove(new PageRange(3, 55));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (0UL, 3UL), (55UL, 60UL), (70UL, 80UL) }));
        }

        [Test]
        public void RemovingWhatIsNotThereChangesNothing()
        {
            PageRangeSet set = Of((10, 20));
            set.Remove(new PageRange(0, 10));
            set.Remove(new PageRange(20, 30));
            Assert.That(Ranges(set), Is.EqualTo(new[] { (10UL, 20UL) }));
        }

        [Test]
        public void IntersectKeepsOnlyCommonPages()
        {
            PageRangeSet a = Of((0, 10), (20, 30), (40, 50));
            PageRangeSet b = Of((5, 25), (45, 100));
            Assert.That(Ranges(a.Intersect(b)), Is.EqualTo(new[] { (5UL, 10UL), (20UL, 25UL), (45UL, 50UL) }));
            Assert.That(Ranges(b.Intersect(a)), Is.EqualTo(new[] { (5UL, 10UL), (20UL, 25UL), (45UL, 50UL) }));
            Assert.That(a.Intersect(Of((10, 20))).Count, Is.EqualTo(0), "touching is not intersecting");
        }

        [Test]
        public void CloneIsIndependent()
        {
            PageRangeSet a = Of((0, 10));
            PageRangeSet b = a.Clone();
            b.Remove(new PageRange(2, 3));
            a.Add(new PageRange(20, 30));
            Assert.That(Ranges(a), Is.EqualTo(new[] { (0UL, 10UL), (20UL, 30UL) }));
            Assert.That(Ranges(b), Is.EqualTo(new[] { (0UL, 2UL), (3UL, 10UL) }));
        }

        [Test]
        public void CountWithinCountsOnlyTheOverlap()
        {
            PageRangeSet set = Of((0, 10), (20, 30));
            Assert.That(set.CountWithin(new PageRange(5, 25)), Is.EqualTo(10UL));
            Assert.That(set.CountWithin(new PageRange(10, 20)), Is.EqualTo(0UL));
            Assert.That(set.CountWithin(new PageRange(0, 100)), Is.EqualTo(20UL));
        }

        [Test]
        public void RangeRoundingIsInwardForAvailableAndOutwardForReserved()
        {
            PageRange inside = PageRange.Inside(0x1001, 0x5fff);
            Assert.That((inside.First, inside.End), Is.EqualTo((2UL, 5UL)));
            PageRange covering = PageRange.Covering(0x1001, 0x5fff);
            Assert.That((covering.First, covering.End), Is.EqualTo((1UL, 6UL)));
            Assert.That(PageRange.Inside(0x1001, 0x1fff).IsEmpty, Is.True, "less than a page has no whole page");
            Assert.That(PageRange.Covering(0x1fff, 0x2001).Count, Is.EqualTo(2UL));
            Assert.That(PageRange.Covering(0x3000, 0x3000).IsEmpty, Is.True, "an empty extent covers nothing");
        }

        [Test]
        public void MatchesAHashSetOverRandomOperations([Values(11, 12, 13, 0)] int seed)
        {
            if (seed == 0) seed = Environment.TickCount & int.MaxValue | 1;
            TestContext.Out.WriteLine("seed " + seed);
            var random = new Random(seed);
            var set = new PageRangeSet();
            var model = new HashSet<ulong>();
            const int Span = 600;
            for (int op = 0; op < 3000; op++)
            {
                ulong first = (ulong)random.Next(Span), end = first + (ulong)random.Next(random.Next(2) == 0 ? 8 : 80);
                string where = "seed " + seed + ", op " + op + " [" + first + ", " + end + ")";
                switch (random.Next(4))
                {
                    case 0:
                    case 1:
                        set.Add(new PageRange(first, end));
                        for (ulong p = first; p < end; p++) model.Add(p);
                        break;
                    case 2:
                        set.Remove(new PageRange(first, end));
                        for (ulong p = first; p < end; p++) model.Remove(p);
                        break;
                    case 3:
                    {
                        ulong expected = 0;
                        for (ulong p = first; p < end; p++) if (model.Contains(p)) expected++;
                        Assert.That(set.CountWithin(new PageRange(first, end)), Is.EqualTo(expected), where + " CountWithin");
                        var other = new PageRangeSet();
                        other.Add(new PageRange(first, end));
                        other.Add(new PageRange(end + 3, end + 9));
                        PageRangeSet both = set.Intersect(other);
                        for (ulong p = first; p < end + 12; p++)
                            Assert.That(both.Contains(p), Is.EqualTo(model.Contains(p) && (p < end || (p >= end + 3 && p < end + 9))), where + " Intersect page " + p);
                        break;
                    }
                }
                Assert.That(set.PageCount, Is.EqualTo((ulong)model.Count), where + " PageCount");
                for (int i = 0; i < set.Count; i++)
                {
                    Assert.That(set[i].IsEmpty, Is.False, where + " empty range kept");
                    if (i > 0) Assert.That(set[i].First, Is.GreaterThan(set[i - 1].End), where + " ranges must be sorted, disjoint and not touching");
                }
            }
            for (ulong p = 0; p < Span + 100; p++) Assert.That(set.Contains(p), Is.EqualTo(model.Contains(p)), "seed " + seed + " page " + p);
        }
    }
}
