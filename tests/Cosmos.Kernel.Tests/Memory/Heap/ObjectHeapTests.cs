using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Memory.Heap;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Heap
{
    [TestFixture]
    public unsafe class ObjectHeapTests : HeapTest
    {

        static IEnumerable<int> Sizes()
            => new[] { 1, 8, 24, 25, 100, 128, 129, 1000, 4000, 8184, 8192, 8193, 20000, 65536, 1 << 20 };

        [TestCaseSource(nameof(Sizes))]
        public void MemoryComesZeroedAlignedAndInsideTheArea(int size)
        {
            var seen = new List<(ulong Start, ulong End)>();
            for (int i = 0; i < 5; i++)
            {
                byte* memory = _heap.Heap.Allocate((nuint)size);
                Assert.That((ulong)memory, Is.Not.Zero);
                Assert.That((ulong)memory % 8, Is.Zero, "8-byte aligned");
                Assert.That(_heap.Area.Contains((ulong)memory) && _heap.Area.Contains((ulong)memory + (ulong)size - 1), Is.True);
                Assert.That(new Span<byte>(memory, size).IndexOfAnyExcept((byte)0), Is.EqualTo(-1), "zeroed");
                Assert.That(_heap.IsCommitted((ulong)memory) && _heap.IsCommitted((ulong)memory + (ulong)size - 1), Is.True, "backed");
                seen.Add(((ulong)memory, (ulong)memory + (ulong)size));
                new Span<byte>(memory, size).Fill(0x77);    // reused memory must be zeroed again
            }
            foreach (var a in seen)
                foreach (var b in seen)
                    if (a != b) Assert.That(a.End <= b.Start || b.End <= a.Start, Is.True, "allocations overlap");
        }

        [Test]
        public void SizeClassesCoverEverySmallSizeWithLittleWaste()
        {
            var classes = new SizeClasses();
            for (int size = 1; size <= SizeClasses.MaxSize; size++)
            {
                int sizeClass = classes.ClassOf((nuint)size);
                int slot = classes.SlotSize(sizeClass);
                Assert.That(slot, Is.GreaterThanOrEqualTo(size), "size " + size);
                if (sizeClass > 0) Assert.That(classes.SlotSize(sizeClass - 1), Is.LessThan((size + 7) & ~7), "size " + size + ": the smallest class that fits");
                if (size >= 24) Assert.That(slot, Is.LessThanOrEqualTo(size * 5 / 4 + 16), "size " + size + ": slot " + slot);
            }
            for (int c = 0; c < classes.Count; c++)
            {
                int bytes = classes.SpanPages(c) * 4096, slots = (bytes - 64) / classes.SlotSize(c);
                Assert.That(slots, Is.GreaterThan(0));
                Assert.That(bytes - slots * classes.SlotSize(c), Is.LessThanOrEqualTo(bytes / 8), "class " + c + ": span waste");
            }
        }

        [Test]
        public void ASpanHeaderFitsItsReservedSpace() => Assert.That(sizeof(Span), Is.LessThanOrEqualTo(Span.HeaderSize));

        [Test]
        public void SlotsOfOneClassShareSpansAndLargeObjectsGetTheirOwn()
        {
            for (int i = 0; i < 100; i++) _heap.Heap.Allocate(32);
            Assert.That(_heap.Heap.SpanCount, Is.EqualTo(1UL), "100 slots of 32 bytes fit in one page");
            Assert.That(_heap.CommittedPages, Is.EqualTo(1));
            _heap.Heap.Allocate(100_000);
            Assert.That(_heap.Heap.SpanCount, Is.EqualTo(2UL));
            Assert.That(_heap.CommittedPages, Is.EqualTo(1 + (100_000 + 64 + 4095) / 4096), "a large object's span: header and object, rounded to pages");
        }

        [Test]
        public void ThePointerLookupFindsTheObjectHoldingAnyByteOfItsSlot()
        {
            FakeTypes.FakeType type = _types.Plain(40);
            ulong a = _heap.New(type), b = _heap.New(type);
            Assert.That(b - a, Is.EqualTo(48UL), "consecutive slots of the 48-byte class");
            foreach (ulong address in new[] { a - 8, a, a + 20, a + 39 })
            {
                Assert.That(_heap.Heap.TryFindObject(address, out byte* found), Is.True, "0x" + address.ToString("x"));
                Assert.That((ulong)found, Is.EqualTo(a));
            }
            Assert.That(_heap.Heap.TryFindObject(b - 8, out byte* next) && (ulong)next == b, Is.True, "the next slot's first byte is the next object");
            Assert.That(_heap.Heap.TryFindObject(b + 48, out _), Is.False, "a free slot holds no object");
            Assert.That(_heap.Heap.TryFindObject(a - 8 - 64 + 8, out _), Is.False, "the span header is not an object");
            Assert.That(_heap.Heap.TryFindObject(_heap.Area.EndAddress, out _), Is.False, "outside the area");
            Assert.That(_heap.Heap.IsObject(a) && !_heap.Heap.IsObject(a + 8), Is.True, "only the reference itself is the object");

            ulong large = _heap.New(_types.ValueArray(1), 50_000);
            Assert.That(_heap.Heap.TryFindObject(large + 49_000, out byte* inside) && (ulong)inside == large, Is.True, "inside a large object");
            Assert.That(_heap.Heap.TryFindObject(large + 52_000, out _), Is.False, "past a large object's end, still in its span");
        }

        [Test]
        public void RunningOutOfMemoryReturnsNullAndKeepsTheArea()
        {
            _heap.CommitBudget = 3;
            Assert.That((ulong)_heap.Heap.Allocate(20_000), Is.Zero, "a 5-page object does not fit a 3-page budget");
            Assert.That(_heap.Heap.SpanCount, Is.Zero);
            Assert.That((ulong)_heap.Heap.Allocate(10_000), Is.Not.Zero, "3 pages do");
            Assert.That((ulong)_heap.Heap.Allocate(24), Is.Zero, "and then nothing is left for a small span");
            _heap.CommitBudget = long.MaxValue;
            Assert.That((ulong)_heap.Heap.Allocate(24), Is.Not.Zero);
        }

        [Test]
        public void AnObjectLargerThanTheAreaIsRefused()
            => Assert.That((ulong)_heap.Heap.Allocate((nuint)(HostHeap.DefaultAreaPages + 1) * 4096), Is.Zero);
    }
}
