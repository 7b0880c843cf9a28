using System;
using System.Collections.Generic;
using Cosmos.Kernel.Boot.Multiboot2;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Tests.Memory
{
    // An independent, page-by-page statement of spec section 1, written plainly so that it can be checked by eye.
    // It does not call the code under test (only the plan's chosen bookkeeping range is fed back in, because where
    // the bookkeeping goes is a placement choice, not a rule).
    //   usable     = every byte of the page is inside some available entry, and no byte is inside any other entry
    //   low        = usable, page 1 .. 255, not touching the kernel or a module
    //   module     = usable, >= 1 MiB, not touching the kernel, wholly inside a module
    //   managed    = usable, >= 1 MiB, not touching the kernel, not touching a module unless wholly inside one,
    //                not bookkeeping (module pages included: owned but held)
    //   free       = managed and not module
    public sealed class ReferenceMemoryModel
    {
        public const ulong Page = 4096;

        public readonly ulong PageLimit;             // pages [0, PageLimit) are modelled
        public readonly bool[] Usable, Low, Module, Managed;

        public ReferenceMemoryModel(MemoryMapEntry[] map, ulong kernelStart, ulong kernelEnd, BootModule[] modules, PageRange bookkeeping)
        {
            ulong top = 0;
            foreach (var e in map) if (e.Kind == MemoryRegionKind.Available && e.EndAddress > top) top = e.EndAddress;
            PageLimit = top / Page + 1;
            Usable = new bool[PageLimit];
            Low = new bool[PageLimit];
            Module = new bool[PageLimit];
            Managed = new bool[PageLimit];
            var pieces = new List<(ulong, ulong)>();
            for (ulong p = 0; p < PageLimit; p++)
            {
                ulong start = p * Page, end = start + Page;
                pieces.Clear();
                bool touchedByOther = false;
                foreach (var e in map)
                {
                    ulong s = Math.Max(e.BaseAddress, start), t = Math.Min(e.EndAddress, end);
                    if (t <= s) continue;
                    if (e.Kind == MemoryRegionKind.Available) pieces.Add((s, t));
                    else touchedByOther = true;
                }
                pieces.Sort();
                ulong covered = start;
                foreach (var (s, t) in pieces) if (s <= covered && t > covered) covered = t;
                bool usable = covered >= end && !touchedByOther;
                Usable[p] = usable;
                if (!usable) continue;
                bool kernel = Overlaps(start, end, kernelStart, kernelEnd);
                bool touchesModule = false, insideModule = false;
                foreach (var m in modules)
                {
                    if (Overlaps(start, end, m.Start, m.End)) touchesModule = true;
                    if (m.Start <= start && end <= m.End) insideModule = true;
                }
                if (p >= 1 && p < 256) Low[p] = !kernel && !touchesModule;
                if (p < 256 || kernel) continue;
                Module[p] = insideModule;
                Managed[p] = (!touchesModule || insideModule) && !bookkeeping.Contains(p);
            }
        }

        static bool Overlaps(ulong a, ulong b, ulong c, ulong d) => a < b && c < d && a < d && c < b;

        public ulong Count(bool[] pages)
        {
            ulong n = 0;
            foreach (bool b in pages) if (b) n++;
            return n;
        }

        public ulong TotalPages => Count(Usable);
        public ulong ModulePages => Count(Module);
        public ulong ReservedPages => TotalPages - Count(Managed);
        public ulong FreePages => Count(Managed) - ModulePages;

        public bool IsFree(ulong page) => page < PageLimit && Managed[page] && !Module[page];

        // The pages marked true, as maximal runs [first, end).
        public static List<(ulong First, ulong End)> Runs(bool[] pages)
        {
            var runs = new List<(ulong, ulong)>();
            for (ulong p = 0; p < (ulong)pages.Length; p++)
            {
                if (!pages[p]) continue;
                ulong q = p;
                while (q < (ulong)pages.Length && pages[q]) q++;
                runs.Add((p, q));
                p = q;
            }
            return runs;
        }

        public static List<(ulong First, ulong End)> Runs(PageRangeSet set)
        {
            var runs = new List<(ulong, ulong)>();
            for (int i = 0; i < set.Count; i++) runs.Add((set[i].First, set[i].End));
            return runs;
        }
    }

    // Map-building shorthand for the tests.
    public static class Maps
    {
        public const ulong KiB = 1024, MiB = 1024 * KiB, GiB = 1024 * MiB;

        public static MemoryMapEntry Available(ulong start, ulong end) => new MemoryMapEntry(start, end - start, MemoryRegionKind.Available);
        public static MemoryMapEntry Reserved(ulong start, ulong end) => new MemoryMapEntry(start, end - start, MemoryRegionKind.Reserved);
        public static MemoryMapEntry Acpi(ulong start, ulong end) => new MemoryMapEntry(start, end - start, MemoryRegionKind.AcpiReclaimable);
        public static BootModule Module(ulong start, ulong end) => new BootModule(start, end, "module");

        // What QEMU's SeaBIOS reports for `-m <ram>` (below 3 GiB; the rest above 4 GiB).
        public static MemoryMapEntry[] Qemu(ulong ram)
        {
            var map = new List<MemoryMapEntry>
            {
                Available(0, 0x9fc00),
                Reserved(0x9fc00, 0xa0000),
                Reserved(0xf0000, 0x100000),
            };
            ulong low = Math.Min(ram, 3 * GiB);
            map.Add(Available(0x100000, low - 0x20000));
            map.Add(Reserved(low - 0x20000, low));
            map.Add(Reserved(0xfffc0000, 0x100000000));
            if (ram > 3 * GiB) map.Add(Available(4 * GiB, 4 * GiB + (ram - 3 * GiB)));
            return map.ToArray();
        }
    }
}
