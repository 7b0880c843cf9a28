using Cosmos.Kernel.Memory.Heap;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Heap
{
    // The collection policy over a host heap: the start routine the owner supplies is counted, and collects with no
    // roots (everything allocated is garbage), as collect.asm would call back into the owner.
    [TestFixture]
    public unsafe class CollectedHeapTests : HeapTest
    {
        const ulong BudgetBytes = 64 * 1024;
        static CollectedHeap s_heap;
        static ulong s_provisionalType;
        static int s_collectionsStarted;
        static bool s_collectingSeenByRoots;

        [SetUp]
        public void CreateCollectedHeap()
        {
            s_provisionalType = _types.Plain(16).MethodTable;
            s_heap = new CollectedHeap(_heap.Heap, _heap.Collector, new CollectionBudget(BudgetBytes), &StartCollection, s_provisionalType);
            s_collectionsStarted = 0;
            s_collectingSeenByRoots = false;
        }

        static void StartCollection()
        {
            s_collectionsStarted++;
            s_heap.Collect(new NoRoots());
        }

        sealed class NoRoots : IRoots
        {
            public void Report(GarbageCollector collector) => s_collectingSeenByRoots = s_heap.IsCollecting;
        }

        [Test]
        public void ASpentBudgetStartsACollectionBeforeTheNextAllocation()
        {
            for (ulong allocated = 0; allocated < BudgetBytes; allocated += 256)
                Assert.That(s_heap.Allocate(256) != null, Is.True);
            Assert.That(s_collectionsStarted, Is.Zero, "the budget is just spent");
            Assert.That(s_heap.Allocate(256) != null, Is.True);
            Assert.That(s_collectionsStarted, Is.EqualTo(1));
            Assert.That(s_heap.Collections, Is.EqualTo(1UL));
            Assert.That(s_collectingSeenByRoots, Is.True, "IsCollecting while the roots are asked");
            Assert.That(s_heap.IsCollecting, Is.False, "and not after");
        }

        [Test]
        public void AFullHeapCollectsAndTriesOnceMore()
        {
            _heap.CommitBudget = 4;                     // pages: the garbage must be freed for the next span
            int allocations = 0;
            while (s_collectionsStarted == 0)
            {
                Assert.That(s_heap.Allocate(1024) != null, Is.True, "allocation " + allocations + " found room");
                allocations++;
            }
            Assert.That(allocations, Is.GreaterThan(4), "a few pages' worth before the heap was full");
        }

        // Until CoreLib writes the object's type, a slot must still be an object to a collection run by another
        // thread: a pointer to it (on that thread's stack) finds it, so it is kept, not handed out again.
        [Test]
        public void ASlotIsAnObjectOfTheProvisionalTypeBeforeItsOwnIsWritten()
        {
            byte* memory = s_heap.Allocate(48);
            Assert.That(_heap.Heap.TryFindObject((ulong)memory, out byte* obj), Is.True, "a pointer to the slot finds an object");
            Assert.That((ulong)obj, Is.EqualTo((ulong)memory + 8));
            Assert.That(*(ulong*)obj, Is.EqualTo(s_provisionalType));
        }

        [Test]
        public void NoRoomEvenAfterACollectionIsNull()
        {
            _heap.CommitBudget = 0;
            Assert.That(s_heap.Allocate(64) == null, Is.True);
            Assert.That(s_collectionsStarted, Is.EqualTo(1), "one collection, then the second try failed too");
        }
    }
}
