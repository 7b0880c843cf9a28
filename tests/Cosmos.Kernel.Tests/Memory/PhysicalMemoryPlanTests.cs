using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Boot.Multiboot2;
using Cosmos.Kernel.Memory;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Memory.Maps;

namespace Cosmos.Kernel.Tests.Memory
{
    [TestFixture]
    public class PhysicalMemoryPlanTests
    {
        public sealed class Machine
        {
            public string Name;
            public MemoryMapEntry[] Map;
            public ulong KernelStart, KernelEnd;
            public BootModule[] Modules = Array.Empty<BootModule>();
            public ulong Limit = 4 * GiB;
            public override string ToString() => Name;

            public string Describe()
                => Name + ": map " + string.Join(" ", Map.Select(e => e.Kind + "[0x" + e.BaseAddress.ToString("x") + ", 0x" + e.EndAddress.ToString("x") + ")"))
                   + "; kernel [0x" + KernelStart.ToString("x") + ", 0x" + KernelEnd.ToString("x") + "); modules "
                   + string.Join(" ", Modules.Select(m => "[0x" + m.Start.ToString("x") + ", 0x" + m.End.ToString("x") + ")")) + "; limit 0x" + Limit.ToString("x");

            public PhysicalMemoryPlan Plan() => PhysicalMemoryPlan.Create(Map, KernelStart, KernelEnd, Modules, Limit);
            public ReferenceMemoryModel Model(PageRange bookkeeping) => new ReferenceMemoryModel(Map, KernelStart, KernelEnd, Modules, bookkeeping);
        }

        public static IEnumerable<Machine> Machines()
        {
            yield return new Machine { Name = "kernel at 1 MiB", Map = Qemu(128 * MiB), KernelStart = 1 * MiB, KernelEnd = 1 * MiB + 0x2345a0 };
            yield return new Machine { Name = "kernel at 2 MiB", Map = Qemu(128 * MiB), KernelStart = 2 * MiB, KernelEnd = 5 * MiB + 0x123 };
            yield return new Machine { Name = "kernel at 16 MiB", Map = Qemu(128 * MiB), KernelStart = 16 * MiB, KernelEnd = 21 * MiB + 17 };
            yield return new Machine { Name = "kernel at an unaligned address", Map = Qemu(128 * MiB), KernelStart = 16 * MiB + 0x800, KernelEnd = 18 * MiB + 0x800 };
            yield return new Machine
            {
                Name = "module before the kernel", Map = Qemu(128 * MiB), KernelStart = 16 * MiB, KernelEnd = 18 * MiB,
                Modules = new[] { Module(4 * MiB + 0x800, 6 * MiB + 0x10) },
            };
            yield return new Machine
            {
                Name = "module sharing a page with the kernel's end", Map = Qemu(128 * MiB), KernelStart = 1 * MiB, KernelEnd = 0x380123,
                Modules = new[] { Module(0x380123, 8 * MiB) },
            };
            yield return new Machine
            {
                Name = "modules between the kernel and the end of memory", Map = Qemu(256 * MiB), KernelStart = 2 * MiB, KernelEnd = 4 * MiB,
                Modules = new[] { Module(64 * MiB, 70 * MiB), Module(100 * MiB + 0x10, 100 * MiB + 0x3010) },
            };
            yield return new Machine
            {
                Name = "modules touching each other at an unaligned address", Map = Qemu(128 * MiB), KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Modules = new[] { Module(8 * MiB, 9 * MiB + 0x400), Module(9 * MiB + 0x400, 10 * MiB), Module(10 * MiB, 10 * MiB + 0x100) },
            };
            yield return new Machine
            {
                Name = "module in low memory", Map = Qemu(64 * MiB), KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Modules = new[] { Module(0x8000, 0x9800) },
            };
            yield return new Machine { Name = "unsorted map", Map = Qemu(512 * MiB).Reverse().ToArray(), KernelStart = 2 * MiB, KernelEnd = 3 * MiB };
            yield return new Machine
            {
                Name = "reserved inside available, unaligned", KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Map = new[] { Available(0, 0x9f000), Available(1 * MiB, 64 * MiB), Reserved(20 * MiB + 0x10, 20 * MiB + 0x2010), Acpi(30 * MiB - 1, 30 * MiB + 1) },
            };
            yield return new Machine
            {
                Name = "reserved overlapping the ends of available entries", KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Map = new[] { Reserved(0x7ff000, 0x801000), Available(1 * MiB, 8 * MiB), Available(8 * MiB, 16 * MiB), Reserved(15 * MiB, 17 * MiB), Available(16 * MiB, 32 * MiB) },
            };
            yield return new Machine
            {
                Name = "overlapping and touching reserved entries", KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Map = new[] { Available(1 * MiB, 64 * MiB), Reserved(10 * MiB + 5, 11 * MiB), Reserved(11 * MiB, 12 * MiB + 3), Reserved(11 * MiB + 7, 11 * MiB + 9) },
            };
            yield return new Machine
            {
                Name = "unaligned and tiny entries", KernelStart = 1 * MiB, KernelEnd = 0x180000,
                Map = new[]
                {
                    Available(0x1234, 0x1fff), Available(0x100000, 0x1fff00), Available(0x200100, 0x200900), Available(0x300800, 0x4007ff),
                    Available(0x500000, 0x500fff), Available(0x600001, 0x602001), Available(0x700000, 0x800000),
                },
            };
            yield return new Machine
            {
                Name = "holes", KernelStart = 1 * MiB, KernelEnd = 3 * MiB,
                Map = new[] { Available(0, 0x9fc00), Available(1 * MiB, 32 * MiB), Available(48 * MiB, 64 * MiB), Available(96 * MiB, 128 * MiB) },
            };
            yield return new Machine { Name = "memory above 4 GiB", Map = Qemu(6 * GiB), KernelStart = 1 * MiB, KernelEnd = 6 * MiB };
            yield return new Machine { Name = "memory above 4 GiB, bookkeeping below 16 MiB", Map = Qemu(6 * GiB), KernelStart = 1 * MiB, KernelEnd = 6 * MiB, Limit = 16 * MiB };
            yield return new Machine
            {
                Name = "touching available entries", KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Map = new[] { Available(1 * MiB, 16 * MiB), Available(16 * MiB, 24 * MiB), Available(24 * MiB, 32 * MiB) },
            };
            yield return new Machine
            {
                Name = "overlapping available entries", KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Map = new[] { Available(1 * MiB, 20 * MiB), Available(10 * MiB, 30 * MiB), Available(12 * MiB, 13 * MiB) },
            };
        }

        // Touching or overlapping available entries whose shared boundary is not page aligned: the page across the
        // boundary is wholly available (its bytes are all in available entries) and must be usable.
        public static IEnumerable<Machine> UnalignedUnions()
        {
            yield return new Machine
            {
                Name = "available entries touching at an unaligned address", KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Map = new[] { Available(1 * MiB, 16 * MiB + 0x800), Available(16 * MiB + 0x800, 32 * MiB) },
            };
            yield return new Machine
            {
                Name = "available entries overlapping within a page", KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Map = new[] { Available(1 * MiB, 16 * MiB + 0x800), Available(16 * MiB + 0x400, 32 * MiB) },
            };
        }

        [TestCaseSource(nameof(Machines))]
        public void PlanMatchesThePageByPageReference(Machine machine) => CheckAgainstReference(machine);

        [TestCaseSource(nameof(UnalignedUnions))]
        public void AvailableEntriesJoinedAtAnUnalignedAddressKeepTheSharedPage(Machine machine)
        {
            PhysicalMemoryPlan plan = machine.Plan();
            Assert.That(plan.Usable.Contains(16 * MiB / 4096), Is.True,
                "page 0x1000000 lies wholly inside the union of available entries (" + machine.Name + ") but is not usable; usable = "
                + string.Join(" ", plan.Usable.ToArray().Select(r => r.ToString())));
            CheckAgainstReference(machine);
        }

        internal static void CheckAgainstReference(Machine machine)
        {
            PhysicalMemoryPlan plan = machine.Plan();
            ReferenceMemoryModel model = machine.Model(plan.Bookkeeping);
            Assert.Multiple(() =>
            {
                Assert.That(ReferenceMemoryModel.Runs(plan.Usable), Is.EqualTo(ReferenceMemoryModel.Runs(model.Usable)), "usable pages");
                Assert.That(ReferenceMemoryModel.Runs(plan.Zones), Is.EqualTo(ReferenceMemoryModel.Runs(model.Managed)), "managed pages (zones)");
                Assert.That(ReferenceMemoryModel.Runs(plan.Modules), Is.EqualTo(ReferenceMemoryModel.Runs(model.Module)), "module pages");
                Assert.That(ReferenceMemoryModel.Runs(plan.LowMemory), Is.EqualTo(ReferenceMemoryModel.Runs(model.Low)), "low memory");
                Assert.That(plan.TotalPages, Is.EqualTo(model.TotalPages), "TotalPages");
                Assert.That(plan.ReservedPages, Is.EqualTo(model.ReservedPages), "ReservedPages");
                Assert.That(plan.ModulePages, Is.EqualTo(model.ModulePages), "ModulePages");
            });
            CheckBookkeeping(machine, plan);
        }

        static void CheckBookkeeping(Machine machine, PhysicalMemoryPlan plan)
        {
            PageRange bookkeeping = plan.Bookkeeping;
            ReferenceMemoryModel withoutBookkeeping = machine.Model(new PageRange(0, 0));
            ulong needed = PageFrameAllocator.BookkeepingBytes(plan.Zones) + PageFrameAllocator.BookkeepingBytes(plan.LowMemory);
            Assert.That(bookkeeping.Count * 4096, Is.GreaterThanOrEqualTo(needed), "bookkeeping too small for the final zones");
            Assert.That(bookkeeping.EndAddress, Is.LessThanOrEqualTo(machine.Limit), "bookkeeping above the limit");
            for (ulong p = bookkeeping.First; p < bookkeeping.End; p++)
            {
                Assert.That(withoutBookkeeping.IsFree(p), Is.True,
                    "bookkeeping page 0x" + (p * 4096).ToString("x") + " is not free memory (hole, reserved, low, kernel or module)");
                Assert.That(plan.Zones.Contains(p), Is.False, "bookkeeping page 0x" + (p * 4096).ToString("x") + " still in a zone");
            }
        }

        [Test]
        public void MemoryBetweenKernelAndModuleAndAboveTheModuleIsManagedAndNotHeld()
        {
            var machine = new Machine
            {
                Name = "k-m", Map = new[] { Available(0, 0x9fc00), Available(1 * MiB, 64 * MiB) }, KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Modules = new[] { Module(8 * MiB, 9 * MiB) },
            };
            PhysicalMemoryPlan plan = machine.Plan();
            foreach (ulong address in new[] { 2 * MiB, 5 * MiB, 8 * MiB - 4096, 9 * MiB, 20 * MiB })
            {
                Assert.That(plan.Zones.Contains(address / 4096), Is.True, "0x" + address.ToString("x") + " managed");
                Assert.That(plan.Modules.Contains(address / 4096), Is.False, "0x" + address.ToString("x") + " not a module page");
            }
            Assert.That(plan.Modules.PageCount, Is.EqualTo(256UL));
            Assert.That(plan.Zones.Contains(2 * MiB / 4096 - 1), Is.False, "last kernel page");
        }

        [Test]
        public void BookkeepingGoesAtTheTopOfTheHighestFreeStretchBelowTheLimit()
        {
            var machine = new Machine { Name = "6G", Map = Qemu(6 * GiB), KernelStart = 1 * MiB, KernelEnd = 6 * MiB };
            PhysicalMemoryPlan plan = machine.Plan();
            Assert.That(plan.Bookkeeping.EndAddress, Is.EqualTo(3 * GiB - 0x20000));
        }

        [Test]
        public void BookkeepingSkipsModulesAtTheTopOfMemory()
        {
            var machine = new Machine
            {
                Name = "module on top", Map = new[] { Available(1 * MiB, 64 * MiB) }, KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Modules = new[] { Module(32 * MiB, 64 * MiB) },
            };
            PhysicalMemoryPlan plan = machine.Plan();
            Assert.That(plan.Bookkeeping.EndAddress, Is.EqualTo(32 * MiB));
            CheckBookkeeping(machine, plan);
        }

        [Test]
        public void BookkeepingNeverLandsInLowMemoryEvenWithALowLimit()
        {
            var machine = new Machine { Name = "low limit", Map = Qemu(64 * MiB), KernelStart = 2 * MiB, KernelEnd = 3 * MiB, Limit = 1 * MiB };
            var error = Assert.Throws<InvalidOperationException>(() => machine.Plan());
            Assert.That(error.Message, Does.Contain("no room below 0x100000"));
        }

        [Test]
        public void NoRoomBelowTheLimitThrows()
        {
            var kernelEverywhere = new Machine { Name = "kernel fills memory", Map = new[] { Available(1 * MiB, 8 * MiB) }, KernelStart = 1 * MiB, KernelEnd = 8 * MiB };
            Assert.Throws<InvalidOperationException>(() => kernelEverywhere.Plan());
            var moduleBelowLimit = new Machine
            {
                Name = "only a module below the limit", Map = new[] { Available(1 * MiB, 64 * MiB) }, KernelStart = 1 * MiB, KernelEnd = 2 * MiB,
                Modules = new[] { Module(2 * MiB, 16 * MiB) }, Limit = 16 * MiB,
            };
            Assert.Throws<InvalidOperationException>(() => moduleBelowLimit.Plan());
            var tooSmall = new Machine
            {
                Name = "one free page for a 6 GiB machine's bookkeeping", KernelStart = 1 * MiB, KernelEnd = 2 * MiB, Limit = 2 * MiB + 4096,
                Map = new[] { Available(1 * MiB, 6 * GiB) },
            };
            Assert.Throws<InvalidOperationException>(() => tooSmall.Plan());
        }

        [Test]
        public void AnEntryReachingTheTopOfTheAddressSpaceDoesNotWrap()
        {
            var map = new[] { Available(1 * MiB, 64 * MiB), new MemoryMapEntry(0xfffffffffffff000, 0x10000, MemoryRegionKind.Reserved) };
            PhysicalMemoryPlan plan = PhysicalMemoryPlan.Create(map, 1 * MiB, 2 * MiB, Array.Empty<BootModule>(), 4 * GiB);
            Assert.That(plan.TotalPages, Is.EqualTo(63 * MiB / 4096));
        }
    }
}
