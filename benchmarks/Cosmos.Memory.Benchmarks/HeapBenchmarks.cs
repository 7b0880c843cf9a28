using System;
using System.Diagnostics;
using Cosmos.Kernel.Memory.Heap;
using Cosmos.Kernel.Tests.Memory.Heap;

namespace Cosmos.Memory.Benchmarks
{
    // The kernel heap's allocation throughput and collection pauses on the host, over the same ObjectHeap,
    // GarbageCollector and CollectionBudget code the kernel runs, with the shapes Cosmos.Kernel/Benchmarks/
    // HeapBenchmarks.cs allocates there: a node (two references, 32 bytes) and long arrays. The heap area is host
    // memory (HostHeap), the types are fake MethodTables with the same layout and GC descriptors as ILC's.
    static unsafe class HeapBenchmarks
    {
        const int AllocationCount = 1_000_000;
        const int PauseRepetitions = 5;
        const ulong RamBytes = 512UL << 20;                 // the machine `cosmos bench` boots

        public static void Run()
        {
            using var types = new FakeTypes();
            FakeTypes.FakeType node = types.Plain(32, 8, 16), longs = types.ValueArray(8);
            Console.WriteLine("| benchmark | host | unit |");
            Console.WriteLine("|---|---:|---|");

            using (var heap = new HostHeap(types, areaPages: (int)(2 * RamBytes / 4096)))
            {
                var budget = new CollectionBudget(RamBytes / 16);
                var roots = new ulong[1];
                Report("heap.allocate.node-32B", PerObject(() =>
                {
                    for (int i = 0; i < AllocationCount; i++)
                        roots[0] = New(heap, budget, roots, node, 0, (i & 15) == 0 ? 0 : roots[0]);
                }), "ns/object");
                Report("heap.allocate.array-24-to-1048B", PerObject(() =>
                {
                    for (int i = 0; i < AllocationCount; i++) roots[0] = New(heap, budget, roots, longs, i & 127, 0);
                }), "ns/object");
            }
            MeasurePause(types, node, longs, "10MB", 10 << 20);
            MeasurePause(types, node, longs, "100MB", 100 << 20);
        }

        // An object, with a collection first when the budget is spent (as KernelHeap.Allocate does).
        static ulong New(HostHeap heap, CollectionBudget budget, ulong[] roots, FakeTypes.FakeType type, int length, ulong next)
        {
            if (budget.IsSpent)
            {
                heap.Collect(roots);
                budget.Collected(heap.Heap.BytesInUse);
            }
            ulong obj = heap.New(type, length);
            if (obj == 0) throw new InvalidOperationException("the host heap ran out of memory");
            budget.Allocated(type.SizeFor(length));
            if (next != 0) HostHeap.Write(obj, 8, next);
            return obj;
        }

        // The median over repetitions of `run`, in ns per allocation.
        static double PerObject(Action run)
        {
            var samples = new double[PauseRepetitions];
            for (int i = 0; i < samples.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                run();
                samples[i] = watch.Elapsed.TotalMilliseconds * 1e6 / AllocationCount;
            }
            Array.Sort(samples);
            return samples[samples.Length / 2];
        }

        // Collections of a heap holding `liveBytes` of nodes, each with a 6-element long array, chained and held by
        // one array of roots: the kernel benchmark's graph.
        static void MeasurePause(FakeTypes types, FakeTypes.FakeType node, FakeTypes.FakeType longs, string name, int liveBytes)
        {
            int count = liveBytes / 112;
            using var heap = new HostHeap(types, areaPages: (int)(2 * RamBytes / 4096));
            ulong roots = heap.New(types.ReferenceArray(), count);
            for (int i = 0; i < count; i++)
            {
                ulong n = heap.New(node);
                HostHeap.Write(n, 8, i > 0 ? HostHeap.Read(roots, 16 + 8 * (i - 1)) : 0);
                HostHeap.Write(n, 16, heap.New(longs, 6));
                HostHeap.Write(roots, 16 + 8 * i, n);
            }
            var pauses = new double[PauseRepetitions];
            for (int i = 0; i < pauses.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                heap.Collect(new[] { roots });
                pauses[i] = watch.Elapsed.TotalMilliseconds * 1e6;
            }
            Array.Sort(pauses);
            Report("gc.pause." + name, pauses[PauseRepetitions / 2], "ns");
            Report("gc.live." + name, heap.Heap.BytesInUse, "bytes");
        }

        static void Report(string name, double value, string unit) => Console.WriteLine("| " + name + " | " + value.ToString("0.#") + " | " + unit + " |");
    }
}
