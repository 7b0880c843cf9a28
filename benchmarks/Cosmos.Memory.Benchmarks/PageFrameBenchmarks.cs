using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Boot.Multiboot2;
using Cosmos.Kernel.Memory;

namespace Cosmos.Memory.Benchmarks
{
    // The page-frame allocator against the reference kernel's first-fit scan. Plain Stopwatch runner: for each case,
    // calibrate an iteration count that takes >= 10 ms, warm up, time 7 repetitions and report the median nanoseconds
    // per operation. Fixed seeds: every run measures the same states.
    static unsafe class PageFrameBenchmarks
    {
        const ulong MiB = 1UL << 20, GiB = 1UL << 30, Page = 4096;
        const int Repetitions = 7;
        static readonly double[] Fills = { 0.10, 0.50, 0.90, 0.99 };

        static PhysicalMemoryPlan _plan;
        static ulong* _bookkeeping;
        static readonly List<string> Rows = new List<string>();

        public static void Run()
        {
            // A 4 GiB QEMU machine: RAM below 3 GiB and 1 GiB above 4 GiB; the kernel at 1 MiB.
            var map = new[]
            {
                new MemoryMapEntry(0, 0x9fc00, MemoryRegionKind.Available),
                new MemoryMapEntry(0x9fc00, 0x400, MemoryRegionKind.Reserved),
                new MemoryMapEntry(0xf0000, 0x10000, MemoryRegionKind.Reserved),
                new MemoryMapEntry(1 * MiB, 3 * GiB - 0x20000 - 1 * MiB, MemoryRegionKind.Available),
                new MemoryMapEntry(3 * GiB - 0x20000, 0x20000, MemoryRegionKind.Reserved),
                new MemoryMapEntry(0xfffc0000, 0x40000, MemoryRegionKind.Reserved),
                new MemoryMapEntry(4 * GiB, 1 * GiB, MemoryRegionKind.Available),
            };
            _plan = PhysicalMemoryPlan.Create(map, 1 * MiB, 6 * MiB, Array.Empty<BootModule>(), 4 * GiB);
            _bookkeeping = (ulong*)NativeMemory.AllocZeroed((nuint)(_plan.Bookkeeping.Count * Page));
            ulong managed = _plan.Zones.PageCount;
            Console.WriteLine("memory: 4 GiB QEMU map, " + managed + " managed pages in " + _plan.Zones.Count + " zones");
            Console.WriteLine();
            Console.WriteLine("| free pages | fill | operation | ours (ns/op) | reference (ns/op) | speed-up |");
            Console.WriteLine("|---|---|---|---:|---:|---:|");

            foreach (string workload in new[] { "scattered", "own fill" })
                foreach (double fill in Fills)
                {
                    ulong used = (ulong)(managed * fill);
                    PageFrameAllocator ours = OursFilled(workload, used, managed);
                    ReferenceAllocator reference = ReferenceFilled(workload, used, managed);
                    Compare(workload, fill, "alloc+free 1 page",
                        n => { for (int i = 0; i < n; i++) ours.FreePage(ours.AllocatePage()); },
                        n => { for (int i = 0; i < n; i++) reference.Free(reference.AllocatePage(), 1); });
                    string found = ours.AllocateContiguous(16, Page, PageFrameAllocator.NoLimit) is ulong a && a != 0 ? "found" : "none";
                    if (found == "found") ours.FreeContiguous(a, 16);
                    Compare(workload, fill, "alloc+free 16 contiguous (" + found + ")",
                        n => { for (int i = 0; i < n; i++) { ulong p = ours.AllocateContiguous(16, Page, PageFrameAllocator.NoLimit); if (p != 0) ours.FreeContiguous(p, 16); } },
                        n => { for (int i = 0; i < n; i++) { ulong p = reference.AllocateContiguous(16, Page); if (p != 0) reference.Free(p, 16); } });
                }
        }

        static IEnumerable<ulong> ManagedPages()
        {
            for (int i = 0; i < _plan.Zones.Count; i++)
                for (ulong p = _plan.Zones[i].First; p < _plan.Zones[i].End; p++) yield return p;
        }

        // The pages in use in the scattered workload: a fixed-seed uniform random subset of the managed pages.
        static HashSet<ulong> ScatteredUsed(ulong used)
        {
            var pages = new List<ulong>(ManagedPages());
            var random = new Random(20240601);
            for (int i = 0; i < (int)used; i++)
            {
                int j = i + random.Next(pages.Count - i);
                (pages[i], pages[j]) = (pages[j], pages[i]);
            }
            return new HashSet<ulong>(pages.GetRange(0, (int)used));
        }

        static HashSet<ulong> _scattered;
        static ulong _scatteredCount;

        static HashSet<ulong> Scattered(ulong used)
        {
            if (_scattered == null || _scatteredCount != used) { _scattered = ScatteredUsed(used); _scatteredCount = used; }
            return _scattered;
        }

        static PageFrameAllocator OursFilled(string workload, ulong used, ulong managed)
        {
            var allocator = new PageFrameAllocator(_plan, _bookkeeping);
            if (workload == "own fill")
            {
                for (ulong i = 0; i < used; i++) allocator.AllocatePage();
                return allocator;
            }
            HashSet<ulong> keep = Scattered(used);
            var all = new List<ulong>();
            for (ulong a; (a = allocator.AllocatePage()) != 0;) all.Add(a);
            foreach (ulong a in all) if (!keep.Contains(a / Page)) allocator.FreePage(a);
            if (allocator.Statistics.AllocatedPages != used) throw new InvalidOperationException("fill went wrong");
            return allocator;
        }

        static ReferenceAllocator ReferenceFilled(string workload, ulong used, ulong managed)
        {
            var allocator = new ReferenceAllocator(_plan.Zones);
            if (workload == "own fill")
            {
                // First fit from the bottom: exactly what `used` calls of its AllocatePage would leave, without the
                // quadratic time it would take to make them.
                ulong n = 0;
                foreach (ulong p in ManagedPages()) { if (n++ == used) break; allocator.MarkUsed(p); }
                return allocator;
            }
            foreach (ulong p in Scattered(used)) allocator.MarkUsed(p);
            return allocator;
        }

        static void Compare(string workload, double fill, string operation, Action<int> ours, Action<int> reference)
        {
            double a = Measure(ours), b = Measure(reference);
            string row = "| " + workload + " | " + (fill * 100).ToString("0") + "% | " + operation + " | " + Format(a) + " | " + Format(b) + " | " + (b / a).ToString("0.0") + "x |";
            Console.WriteLine(row);
            Rows.Add(row);
        }

        static string Format(double ns) => ns >= 10000 ? (ns / 1000).ToString("0") + " µs" : ns.ToString("0.0");

        static double Measure(Action<int> run)
        {
            int n = 1;
            var watch = Stopwatch.StartNew();
            while (true)
            {
                watch.Restart();
                run(n);
                if (watch.Elapsed.TotalMilliseconds >= 10 || n >= 1 << 24) break;
                n *= 2;
            }
            run(n);                                           // warm-up at the final count
            var samples = new double[Repetitions];
            for (int r = 0; r < Repetitions; r++)
            {
                watch.Restart();
                run(n);
                samples[r] = watch.Elapsed.TotalMilliseconds * 1e6 / n;
            }
            Array.Sort(samples);
            return samples[Repetitions / 2];
        }
    }
}
