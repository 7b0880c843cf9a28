using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Memory;
using Internal.Runtime;

namespace Cosmos.Kernel.Tests.Memory
{
    static unsafe class KernelHeapTests
    {
        sealed class Node
        {
            public long Id;
            public Node Next;
            public object Payload;
            public Node(long id, Node next, object payload) { Id = id; Next = next; Payload = payload; }
        }

        struct Pair
        {
            public long Key;
            public string Name;
            public Node Node;
        }

        static class Roots
        {
            public static List<Node> Nodes;
            public static Pair[] Pairs;
        }

        static PageFrameAllocator Frames => PhysicalMemory.Allocator;

        // A cheap deterministic sequence (xorshift), so that every run allocates the same shapes.
        static ulong Next(ref ulong state)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        }

        [KernelTest]
        internal static void GarbageTenTimesTheSizeOfMemoryGivesEveryPageBack()
        {
            KernelHeap.Collect();
            ulong freeBefore = Frames.Statistics.FreePages, collectionsBefore = KernelHeap.Statistics.Collections;
            int tablesBefore = KernelAddressSpace.TablePages;
            ulong target = 10 * Frames.Statistics.TotalPages * PageTable.PageSize;

            ulong allocated = AllocateGarbage(target);
            KernelHeap.Collect();
            // Before the messages below allocate. The page tables the heap area gained stay, for its next use.
            ulong freeAfter = Frames.Statistics.FreePages + (ulong)(KernelAddressSpace.TablePages - tablesBefore);

            Assert.True(allocated >= target, "allocated " + allocated.ToString() + " bytes of garbage, wanted " + target.ToString());
            Assert.True(KernelHeap.Statistics.Collections > collectionsBefore + 10, "allocation pressure triggered collections");
            Assert.Equal(freeBefore, freeAfter, "free pages after a collection, with the heap area's new page tables");
        }

        // Objects and arrays of every size, from 24 bytes to a few MiB, each dropped at once; returns the bytes allocated.
        [MethodImpl(MethodImplOptions.NoInlining)]
        static ulong AllocateGarbage(ulong bytes)
        {
            ulong start = RuntimeDiagnostics.AllocatedBytes, state = 0x9E3779B97F4A7C15, sink = 0;
            while (RuntimeDiagnostics.AllocatedBytes - start < bytes)
            {
                ulong random = Next(ref state);
                int size = (int)(random >> 40);
                switch ((int)(random % 8))
                {
                    case 0: sink += (ulong)new object().GetHashCode(); break;
                    case 1: sink += (ulong)new byte[size % 9000].Length; break;
                    case 2: sink += (ulong)new long[size % 600].Length; break;
                    case 3: sink += (ulong)new string('x', size % 3000).Length; break;
                    case 4:
                    {
                        var array = new object[size % 200];
                        for (int i = 0; i < array.Length; i += 7) array[i] = new Node(i, null, array);
                        sink += (ulong)array.Length;
                        break;
                    }
                    case 5: sink += (ulong)new byte[16384 + size % (4 << 20)].Length; break;
                    case 6:
                    {
                        Node list = null;
                        for (int i = 0; i < size % 50; i++) list = new Node(i, list, null);
                        sink += list == null ? 0 : (ulong)list.Id;
                        break;
                    }
                    default: sink += (ulong)new Pair[size % 300].Length; break;
                }
            }
            return RuntimeDiagnostics.AllocatedBytes - start + (sink & 0);
        }

        [KernelTest]
        internal static void ObjectsReachableFromStaticsLocalsArraysAndObjectsSurvive()
        {
            BuildRoots(out Node local, out object[] localArray);
            for (int round = 0; round < 5; round++)
            {
                AllocateGarbage(8 << 20);               // reuses every slot a wrongly freed object would have left
                KernelHeap.Collect();
            }
            CheckRoots(local, localArray);
            Roots.Nodes = null;
            Roots.Pairs = null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void BuildRoots(out Node local, out object[] localArray)
        {
            Roots.Nodes = new List<Node>();
            for (int i = 0; i < 300; i++) Roots.Nodes.Add(new Node(i, i > 0 ? Roots.Nodes[i - 1] : null, "payload " + i.ToString()));
            Roots.Pairs = new Pair[100];
            for (int i = 0; i < 100; i++) Roots.Pairs[i] = new Pair { Key = i * 3, Name = "pair " + i.ToString(), Node = new Node(-i, null, new int[i]) };
            local = new Node(1000, new Node(1001, null, new long[] { 1, 2, 3 }), new Dictionary<int, string> { { 1, "one" }, { 2, "two" } });
            localArray = new object[] { "text", new Node(2000, null, null), new byte[100000], 42 };
        }

        static void CheckRoots(Node local, object[] localArray)
        {
            for (int i = 0; i < 300; i++)
            {
                Node node = Roots.Nodes[i];
                if (!Assert.True(node.Id == i && (string)node.Payload == "payload " + i.ToString(), "static list node " + i.ToString())) return;
                if (i > 0 && !Assert.Same(Roots.Nodes[i - 1], node.Next, "static list node " + i.ToString() + "'s next")) return;
            }
            for (int i = 0; i < 100; i++)
            {
                Pair pair = Roots.Pairs[i];
                if (!Assert.True(pair.Key == i * 3 && pair.Name == "pair " + i.ToString() && pair.Node.Id == -i && ((int[])pair.Node.Payload).Length == i,
                                 "struct array element " + i.ToString())) return;
            }
            Assert.True(local.Id == 1000 && local.Next.Id == 1001 && ((long[])local.Next.Payload)[2] == 3, "local graph");
            Assert.Equal("two", ((Dictionary<int, string>)local.Payload)[2], "dictionary held by a local");
            Assert.True((string)localArray[0] == "text" && ((Node)localArray[1]).Id == 2000 && ((byte[])localArray[2]).Length == 100000
                        && (int)localArray[3] == 42, "local array of mixed objects");
        }

        // Objects come and go at random in a window of 512 slots while collections run: every object still in the
        // window must hold exactly what was written into it.
        [KernelTest]
        internal static void ARollingWindowOfObjectsKeepsItsContentsAcrossCollections()
        {
            var window = new Node[512];
            ulong state = 12345, collectionsBefore = KernelHeap.Statistics.Collections;
            for (int step = 0; step < 200000; step++)
            {
                ulong random = Next(ref state);
                int slot = (int)(random % (ulong)window.Length);
                Node old = window[slot];
                if (old != null && !CheckNode(old)) return;
                int length = (int)(random >> 50) % 64;
                var values = new long[length];
                for (int i = 0; i < length; i++) values[i] = old == null ? i : old.Id + i;
                window[slot] = new Node(old == null ? step : old.Id + 1, window[(slot + 1) % window.Length], values);
                if (step % 50000 == 0) KernelHeap.Collect();
            }
            foreach (Node node in window)
                if (node != null && !CheckNode(node)) return;
            Assert.True(KernelHeap.Statistics.Collections > collectionsBefore, "collections ran meanwhile");
        }

        static bool CheckNode(Node node)
        {
            var values = (long[])node.Payload;
            for (int i = 0; i < values.Length; i++)
                if (values[i] != (values.Length > 0 ? values[0] : 0) + i)
                    return Assert.Fail("node " + node.Id.ToString() + ": value " + i.ToString() + " is " + values[i].ToString());
            return true;
        }

        [KernelTest]
        internal static void ALargeArrayDroppedIsGivenBackByTheNextCollection()
        {
            KernelHeap.Collect();
            ulong committedBefore = KernelHeap.Statistics.CommittedPages, freeBefore = Frames.Statistics.FreePages;
            AllocateAndDrop(8 << 20);
            Assert.True(KernelHeap.Statistics.CommittedPages >= committedBefore + 2048, "8 MiB of pages backed the array");
            KernelHeap.Collect();
            Assert.Equal(committedBefore, KernelHeap.Statistics.CommittedPages, "heap pages after a collection");
            Assert.Equal(freeBefore, Frames.Statistics.FreePages, "free pages after a collection, with the heap area's new page tables");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static int AllocateAndDrop(int bytes) => new byte[bytes].Length;

        [KernelTest]
        internal static void GCCollectRunsTheKernelCollector()
        {
            ulong before = KernelHeap.Statistics.Collections;
            GC.Collect();
            Assert.Equal(before + 1, KernelHeap.Statistics.Collections, "collections after GC.Collect (plugged by Memory/GCPlug)");
        }

        [KernelTest]
        internal static void ObjectsLiveInTheVirtualAreaAndTheStatisticsAddUp()
        {
            var obj = new Node(1, null, null);
            ulong address = *(ulong*)&obj;
            Assert.True(address >= KernelHeap.AreaBase && address < KernelHeap.AreaBase + (1UL << 39), "a new object lies in the heap area");
            HeapStatistics statistics = KernelHeap.Statistics;
            Assert.True(statistics.BytesInUse > 0 && statistics.BytesInUse <= statistics.CommittedPages * PageTable.PageSize,
                        "bytes in use fit in the committed pages: " + statistics.ToString());
            Assert.True(statistics.Spans > 0 && statistics.Spans <= statistics.CommittedPages, "every span has at least a page");
        }
    }
}
