using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Memory.Heap;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Heap
{
    [TestFixture]
    public unsafe class GarbageCollectorTests : HeapTest
    {
        FakeTypes.FakeType _node;       // {id at 8, next at 16, other at 24}: a node with two references
        FakeTypes.FakeType _leaf;       // {id at 8, a value at 16 that may look like a pointer}

        [SetUp]
        public void CreateTypes()
        {
            _node = _types.Plain(40, 16, 24);
            _leaf = _types.Plain(32);
        }

        ulong Node(ulong id, ulong next = 0, ulong other = 0)
        {
            ulong obj = _heap.New(_node);
            HostHeap.Write(obj, 8, id);
            HostHeap.Write(obj, 16, next);
            HostHeap.Write(obj, 24, other);
            return obj;
        }

        ulong Leaf(ulong id, ulong value = 0)
        {
            ulong obj = _heap.New(_leaf);
            HostHeap.Write(obj, 8, id);
            HostHeap.Write(obj, 16, value);
            return obj;
        }

        bool IsLive(ulong obj, ulong id) => _heap.Heap.IsObject(obj) && HostHeap.Read(obj, 8) == id;

        [Test]
        public void ObjectsReachableFromTheStackSurviveAndTheRestIsFreed()
        {
            ulong kept = Node(1, next: Node(2, other: Leaf(3)));
            ulong dropped = Node(4, next: Leaf(5));
            ulong keptChild = HostHeap.Read(kept, 16), keptGrandchild = HostHeap.Read(keptChild, 24), droppedChild = HostHeap.Read(dropped, 16);

            _heap.Collect(new[] { 0x1234UL, kept, 0UL });

            Assert.That(IsLive(kept, 1) && IsLive(keptChild, 2) && IsLive(keptGrandchild, 3), Is.True, "the reachable chain with its contents");
            Assert.That(HostHeap.Read(kept, 16), Is.EqualTo(keptChild), "references are kept as they were");
            Assert.That(_heap.Heap.IsObject(dropped) || _heap.Heap.IsObject(droppedChild), Is.False, "the unreachable objects are freed");
            Assert.That(_heap.Collector.MarkedObjects, Is.EqualTo(3UL));
        }

        [Test]
        public void ACycleWithNoRootIsFreedAndOneWithARootIsKept()
        {
            ulong a = Node(1), b = Node(2, next: a);
            HostHeap.Write(a, 16, b);
            ulong c = Node(3), d = Node(4, next: c);
            HostHeap.Write(c, 16, d);
            _heap.Collect(new[] { c });
            Assert.That(_heap.Heap.IsObject(a) || _heap.Heap.IsObject(b), Is.False);
            Assert.That(IsLive(c, 3) && IsLive(d, 4), Is.True);
        }

        [Test]
        public void AnInteriorPointerOnTheStackKeepsItsObject()
        {
            ulong array = _heap.New(_types.ValueArray(1), 100);
            ulong large = _heap.New(_types.ValueArray(8), 5000);
            ulong header = Leaf(9);
            _heap.Collect(new[] { array + 57, large + 8 * 4000, header - 8 });
            Assert.That(_heap.Heap.IsObject(array) && _heap.Heap.IsObject(large) && IsLive(header, 9), Is.True);
        }

        [Test]
        public void ReferencesAreFollowedOnlyWhereTheTypeSaysSo()
        {
            // The leaf's value field holds the address of another object: a number, not a reference.
            ulong target = Leaf(7);
            ulong holder = Leaf(8, value: target);
            _heap.Collect(new[] { holder });
            Assert.That(IsLive(holder, 8), Is.True);
            Assert.That(_heap.Heap.IsObject(target), Is.False, "a value field is not a reference, whatever it holds");
        }

        [Test]
        public void ArraysOfReferencesAndOfStructsKeepWhatTheyHold()
        {
            ulong references = _heap.New(_types.ReferenceArray(), 3);
            ulong[] leaves = { Leaf(1), Leaf(2), Leaf(3), Leaf(4), Leaf(5) };
            for (int i = 0; i < 3; i++) HostHeap.Write(references, 16 + 8 * i, leaves[i]);
            // struct { long value; object a; object b; }[2], holding leaves 4 and 5 and a pointer-like value
            ulong structs = _heap.New(_types.StructArray(24, 8, 16), 2);
            HostHeap.Write(structs, 16, leaves[0]);
            HostHeap.Write(structs, 24, leaves[3]);
            HostHeap.Write(structs, 40 + 16, leaves[4]);
            ulong notHeld = Leaf(6);
            HostHeap.Write(structs, 40, notHeld);                   // element 1's value field

            _heap.Collect(new[] { references, structs });
            for (int i = 0; i < 5; i++) Assert.That(IsLive(leaves[i], (ulong)i + 1), Is.True, "leaf " + (i + 1));
            Assert.That(_heap.Heap.IsObject(notHeld), Is.False, "held only by a struct's value field");
        }

        [Test]
        public void ObjectsOutsideTheHeapAreScannedPreciselyAsRoots()
        {
            // An "early heap": two objects laid out back to back, the first with a reference, the second with a value.
            ulong viaReference = Leaf(1), viaValue = Leaf(2);
            byte* early = (byte*)NativeMemory.AllocZeroed(4096);
            try
            {
                ulong first = (ulong)early + 8, second = first + 40;
                *(ulong*)first = _node.MethodTable;
                HostHeap.Write(first, 16, viaReference);
                *(ulong*)second = _leaf.MethodTable;
                HostHeap.Write(second, 16, viaValue);
                _heap.Collect(new ulong[0], new MemoryRange((ulong)early, (ulong)early + 40 + 32));
                Assert.That(IsLive(viaReference, 1), Is.True, "held by a root object's reference field");
                Assert.That(_heap.Heap.IsObject(viaValue), Is.False, "a root object's value field holds no reference");
            }
            finally
            {
                NativeMemory.Free(early);
            }
        }

        [Test]
        public void FreedSlotsAreReusedAndEmptySpansGoBack()
        {
            ulong[] objects = Enumerable.Range(0, 1000).Select(i => Node((ulong)i)).ToArray();
            ulong large = _heap.New(_types.ValueArray(1), 100_000);
            int committed = _heap.CommittedPages;
            Assert.That(committed, Is.GreaterThan(10));

            _heap.Collect(new[] { objects[500] });
            Assert.That(_heap.CommittedPages, Is.EqualTo(1), "only the span holding the survivor stays backed");
            Assert.That(_heap.IsCommitted(large), Is.False, "the large object's pages are given back");
            Assert.That(_heap.Heap.BytesInUse, Is.EqualTo(48UL), "one 48-byte slot");

            ulong reused = Node(7);
            Assert.That(_heap.CommittedPages, Is.EqualTo(1), "a new object takes a free slot of the surviving span");
            Assert.That(reused >> 12, Is.EqualTo(objects[500] >> 12));
            _heap.Collect(new ulong[0]);
            Assert.That(_heap.CommittedPages, Is.Zero);
            Assert.That(_heap.Heap.SpanCount, Is.Zero);
        }

        [Test]
        public void AnOverflowingMarkStackStillMarksEverything()
        {
            using var small = new HostHeap(_types, markStackCapacity: 2);
            var wide = small.New(_types.ReferenceArray(), 500);
            var ids = new List<ulong>();
            for (int i = 0; i < 500; i++)
            {
                ulong chain = 0;
                for (int depth = 0; depth < 5; depth++)
                {
                    ulong node = small.New(_node);
                    HostHeap.Write(node, 8, (ulong)(i * 10 + depth));
                    HostHeap.Write(node, 16, chain);
                    chain = node;
                }
                HostHeap.Write(wide, 16 + 8 * i, chain);
                ids.Add(chain);
            }
            small.Collect(new[] { wide });
            Assert.That(small.Collector.MarkedObjects, Is.EqualTo(1UL + 500 * 5), "every object, though the stack holds two");
            for (int i = 0; i < 500; i++)
                for (ulong node = ids[i], depth = 4; node != 0; node = HostHeap.Read(node, 16), depth--)
                    Assert.That(small.Heap.IsObject(node) && HostHeap.Read(node, 8) == (ulong)(i * 10) + depth, Is.True);
        }

        [Test]
        public void AReferenceToTheMiddleOfAnObjectIsReportedAsCorruption()
        {
            ulong target = Node(1), holder = Node(2, next: target + 8);
            Assert.That(() => _heap.Collect(new[] { holder }),
                        Throws.InvalidOperationException.With.Message.Contains("heap corruption").And.Message.Contains("offset 16"));
        }

        [Test]
        public void AReferenceToAFreedObjectIsReportedAsCorruption()
        {
            ulong dead = Leaf(1);
            ulong keepsSpan = Leaf(2);
            _heap.Collect(new[] { keepsSpan });
            ulong holder = Node(3, other: dead);
            Assert.That(() => _heap.Collect(new[] { keepsSpan, holder }),
                        Throws.InvalidOperationException.With.Message.Contains("heap corruption").And.Message.Contains("offset 24"));
        }

        // Random object graphs: nodes and arrays linked at random, roots on a pretend stack changing, collections now
        // and then. After each collection exactly the objects reachable from the roots (computed here, independently)
        // are alive, with their contents; everything else is freed.
        [TestCase(1)]
        [TestCase(2)]
        [TestCase(3)]
        [TestCase(4)]
        public void ExactlyTheReachableObjectsSurviveRandomGraphs(int seed)
        {
            var random = new Random(seed);
            var model = new Dictionary<ulong, (ulong Id, ulong[] References)>();
            var stack = new ulong[16];
            ulong nextId = 1;
            FakeTypes.FakeType array = _types.ReferenceArray();

            for (int round = 0; round < 40; round++)
            {
                for (int op = 0; op < 200; op++)
                {
                    ulong[] live = model.Keys.ToArray();
                    ulong Any() => live.Length == 0 || random.Next(4) == 0 ? 0 : live[random.Next(live.Length)];
                    switch (random.Next(5))
                    {
                        case 0:
                        case 1:
                        {
                            ulong id = nextId++, next = Any(), other = Any();
                            ulong node = Node(id, next, other);
                            model[node] = (id, new[] { next, other });
                            stack[random.Next(stack.Length)] = node;
                            break;
                        }
                        case 2:
                        {
                            int length = random.Next(40) == 0 ? 2000 : random.Next(8);
                            ulong obj = _heap.New(array, length);
                            var references = new ulong[length];
                            for (int i = 0; i < length; i++) HostHeap.Write(obj, 16 + 8 * i, references[i] = Any());
                            model[obj] = (0, references);
                            stack[random.Next(stack.Length)] = obj;
                            break;
                        }
                        case 3 when live.Length > 0:
                        {
                            ulong obj = live[random.Next(live.Length)], target = Any();
                            var (id, references) = model[obj];
                            if (references.Length == 0) break;
                            int index = random.Next(references.Length);
                            references[index] = target;
                            HostHeap.Write(obj, 16 + 8 * index, target);
                            break;
                        }
                        default:
                            stack[random.Next(stack.Length)] = random.Next(3) == 0 ? Any() + (ulong)random.Next(24) : 0;
                            break;
                    }
                }

                var reachable = new HashSet<ulong>();
                var pending = new Stack<ulong>();
                foreach (ulong word in stack)
                    if (_heap.Heap.TryFindObject(word, out byte* obj) && reachable.Add((ulong)obj)) pending.Push((ulong)obj);
                while (pending.Count > 0)
                    foreach (ulong target in model[pending.Pop()].References)
                        if (target != 0 && reachable.Add(target)) pending.Push(target);

                _heap.Collect(stack);

                foreach (var (obj, (id, references)) in model)
                {
                    Assert.That(_heap.Heap.IsObject(obj), Is.EqualTo(reachable.Contains(obj)), "seed " + seed + ", round " + round + ": 0x" + obj.ToString("x"));
                    if (!reachable.Contains(obj)) continue;
                    if (id != 0) Assert.That(HostHeap.Read(obj, 8), Is.EqualTo(id), "a survivor's contents");
                    for (int i = 0; i < references.Length; i++) Assert.That(HostHeap.Read(obj, 16 + 8 * i), Is.EqualTo(references[i]));
                }
                foreach (ulong obj in model.Keys.Where(o => !reachable.Contains(o)).ToArray()) model.Remove(obj);
                Assert.That(_heap.Heap.BytesInUse, Is.LessThanOrEqualTo((ulong)_heap.CommittedPages * 4096));
            }
        }
    }
}
