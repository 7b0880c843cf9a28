using System;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Diagnostics.Benchmarking;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Benchmarks
{
    // The kernel heap's allocation throughput and collection pauses (docs/benchmarks/kernel-heap.md). The same shapes
    // are measured on the host by benchmarks/Cosmos.Memory.Benchmarks (`heap`), over the same heap code.
    static class HeapBenchmarks
    {
        // A small object with two references: the shape of list and tree nodes.
        sealed class Node
        {
            public Node Next;
            public long[] Data;
        }

        const int AllocationCount = 1_000_000;
        const int PauseRepetitions = 5;

        // Where each new object is stored, so that it escapes and the compiler cannot put it on the stack.
        static Node s_node;
        static long[] s_array;

        public static void Run()
        {
            KernelHeap.Collect();
            ulong start = Benchmark.Now();
            AllocateGarbageNodes(AllocationCount);
            Benchmark.Report("heap.allocate.node-32B", (Benchmark.Now() - start) / AllocationCount, "cycles/object");

            start = Benchmark.Now();
            AllocateGarbageArrays(AllocationCount);
            Benchmark.Report("heap.allocate.array-24-to-1048B", (Benchmark.Now() - start) / AllocationCount, "cycles/object");

            MeasurePause("10MB", 10 << 20);
            MeasurePause("100MB", 100 << 20);
        }

        // Allocation with collections included: nothing survives, so each collection is short.
        [MethodImpl(MethodImplOptions.NoInlining)]
        static void AllocateGarbageNodes(int count)
        {
            for (int i = 0; i < count; i++) s_node = new Node { Next = (i & 15) == 0 ? null : s_node };
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void AllocateGarbageArrays(int count)
        {
            for (int i = 0; i < count; i++) s_array = new long[i & 127];
        }

        // Collections of a heap holding `liveBytes` of nodes, each with a 6-element array (112 bytes a pair), linked in
        // a chain and from one array of roots.
        static void MeasurePause(string name, int liveBytes)
        {
            Node[] live = BuildLiveNodes(liveBytes / 112);
            var pauses = new ulong[PauseRepetitions];
            for (int i = 0; i < pauses.Length; i++)
            {
                ulong start = Benchmark.Now();
                KernelHeap.Collect();
                pauses[i] = Benchmark.Now() - start;
            }
            Benchmark.Report("gc.pause." + name, Benchmark.Median(pauses), "cycles");
            Benchmark.Report("gc.live." + name, KernelHeap.Statistics.BytesInUse, "bytes");
            GC.KeepAlive(live);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static Node[] BuildLiveNodes(int count)
        {
            var nodes = new Node[count];
            for (int i = 0; i < count; i++) nodes[i] = new Node { Next = i > 0 ? nodes[i - 1] : null, Data = new long[6] };
            return nodes;
        }
    }
}
