using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Memory;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Memory.Maps;

namespace Cosmos.Kernel.Tests.Memory
{
    [TestFixture]
    public unsafe class PageTableTests
    {
        const ulong Page = PageTable.PageSize, Large = PageTable.LargePageSize, NoLimit = PageFrameAllocator.NoLimit;
        const ulong KernelHalf = 0xFFFF_8000_0000_0000;

        // Hardware bits, spelled out here independently of PageTable (Intel SDM vol. 3, 4.5).
        const ulong P = 1, RW = 2, US = 4, PWT = 8, PCD = 16, PS = 128, G = 256, NX = 1UL << 63;
        const ulong AddressBits = 0x000F_FFFF_FFFF_F000;

        SimulatedRam _ram;

        [SetUp]
        public void CreateRam() => _ram = new SimulatedRam(32 * MiB);

        [TearDown]
        public void FreeRam() => _ram.Dispose();

        PageTable NewTable(bool noExecute = true, ulong windowEnd = NoLimit)
        {
            PageTable table = PageTable.Create(_ram.Window, windowEnd, _ram.Allocator, noExecute);
            Assert.That(table, Is.Not.Null);
            return table;
        }

        // The raw entries the CPU would read for a virtual address, root first, stopping at the first not present or
        // large one: an independent decoding of what PageTable wrote.
        List<ulong> HardwareWalk(PageTable table, ulong virtualAddress)
        {
            var entries = new List<ulong>();
            ulong tableAddress = table.RootAddress;
            for (int level = 4; level >= 1; level--)
            {
                ulong entry = _ram.Read(tableAddress + 8 * ((virtualAddress >> (12 + 9 * (level - 1))) & 511));
                entries.Add(entry);
                if ((entry & P) == 0 || (entry & PS) != 0 || level == 1) break;
                tableAddress = entry & AddressBits;
            }
            return entries;
        }

        static IEnumerable<PageAttributes> AllAttributes()
            => Enumerable.Range(0, 32).Select(bits => (PageAttributes)bits);

        [TestCaseSource(nameof(AllAttributes))]
        public void AMappedPageTranslatesWithItsAttributes(PageAttributes attributes)
        {
            PageTable table = NewTable();
            Assert.That(table.Map(0x4000_1000, 0x1234_5000, attributes), Is.True);

            Assert.That(table.TryQuery(0x4000_1abc, out PageMapping mapping), Is.True);
            Assert.That(mapping.PhysicalAddress, Is.EqualTo(0x1234_5abcUL), "the byte's physical address");
            Assert.That(mapping.Attributes, Is.EqualTo(attributes));
            Assert.That(mapping.PageSize, Is.EqualTo(Page));
            Assert.That(table.TryQuery(0x4000_0fff, out _), Is.False, "the page below");
            Assert.That(table.TryQuery(0x4000_2000, out _), Is.False, "the page above");
        }

        [Test]
        public void EntriesAreInTheHardwareFormat()
        {
            PageTable table = NewTable();
            ulong userPage = 0x0000_7f12_3456_7000, kernelPage = KernelHalf + 0x1_2345_6000;
            table.Map(userPage, 0x0000_0abc_def0_1000, PageAttributes.Writable | PageAttributes.User | PageAttributes.Global);
            table.Map(kernelPage, 0x2000, PageAttributes.Executable | PageAttributes.Uncached);

            List<ulong> user = HardwareWalk(table, userPage);
            Assert.That(user, Has.Count.EqualTo(4));
            for (int i = 0; i < 3; i++)
            {
                Assert.That(user[i] & (P | RW | US), Is.EqualTo(P | RW | US), "intermediate entry " + i + " allows a writable user page below");
                Assert.That(user[i] & (NX | PS), Is.Zero, "intermediate entry " + i + " is not no-execute and not large");
            }
            Assert.That(user[3] & ~(0x3FFUL << 52), Is.EqualTo(0x0000_0abc_def0_1000UL | P | RW | US | G | NX), "the user PTE");

            List<ulong> kernel = HardwareWalk(table, kernelPage);
            Assert.That(kernel, Has.Count.EqualTo(4));
            for (int i = 0; i < 3; i++) Assert.That(kernel[i] & US, Is.Zero, "a kernel-only path has no user bit at level " + i);
            Assert.That(kernel[3], Is.EqualTo(0x2000UL | P | PCD | PWT), "the kernel PTE: read-only, executable, uncached");
        }

        [Test]
        public void NextMappedFindsEachMappedPageOfASparseRangeInOrder()
        {
            PageTable table = NewTable();
            ulong[] mapped = { 0x1000, 0x1000 + 3 * Page, 0x40_0000, 0x80_0000_0000, 0x7FFF_FFFF_F000 };
            foreach (ulong page in mapped) table.Map(page, 0x10_0000, PageAttributes.User);
            table.MapLarge(0x4000_0000, 0x20_0000, PageAttributes.User);

            var found = new List<ulong>();
            const ulong end = 0x0000_8000_0000_0000;
            for (ulong page = table.NextMapped(0, end); page < end; page = table.NextMapped(page + Page, end)) found.Add(page);

            var expected = new List<ulong>(mapped);
            for (ulong offset = 0; offset < Large; offset += Page) expected.Add(0x4000_0000 + offset);
            expected.Sort();
            Assert.That(found, Is.EqualTo(expected));
        }

        [Test]
        public void NextMappedStaysWithinItsRange()
        {
            PageTable table = NewTable();
            table.Map(0x5000, 0x10_0000, PageAttributes.User);
            Assert.That(table.NextMapped(0x5abc, 0x6000), Is.EqualTo(0x5000UL), "the page holding `from` counts");
            Assert.That(table.NextMapped(0x1000, 0x5000), Is.EqualTo(0x5000UL), "nothing below the end: the end");
            Assert.That(table.NextMapped(0x6000, 0x7FFF_FFFF_F000), Is.EqualTo(0x7FFF_FFFF_F000UL), "nothing above");
            Assert.That(table.NextMapped(KernelHalf, ulong.MaxValue), Is.EqualTo(ulong.MaxValue), "an empty kernel half, to the top of the address space");
        }

        [Test]
        public void TablesCountTheirPresentEntriesInTheBitsTheCpuIgnores()
        {
            PageTable table = NewTable();
            for (ulong i = 0; i < 3; i++) table.Map(0x20_0000 + i * Page, 0x1000 * (i + 1), PageAttributes.Writable);
            List<ulong> entries = HardwareWalk(table, 0x20_0000);
            Assert.That(entries[0] >> 52 & 0x3FF, Is.EqualTo(1UL), "the PDPT holds one PD");
            Assert.That(entries[1] >> 52 & 0x3FF, Is.EqualTo(1UL), "the PD holds one PT");
            Assert.That(entries[2] >> 52 & 0x3FF, Is.EqualTo(3UL), "the PT holds three pages");
        }

        [Test]
        public void WithoutNoExecuteSupportTheNxBitIsNeverSet()
        {
            PageTable table = NewTable(noExecute: false);
            table.Map(0x1000, 0x5000, PageAttributes.Writable);
            Assert.That(HardwareWalk(table, 0x1000)[3] & NX, Is.Zero, "NX would be a reserved bit");
            table.TryQuery(0x1000, out PageMapping mapping);
            Assert.That(mapping.Attributes & PageAttributes.Executable, Is.EqualTo(PageAttributes.Executable), "every page is executable");
        }

        static readonly ulong[] BoundaryAddresses =
        {
            0x0, 0x1000, 0x1F_F000, 0x20_0000, 0x3FFF_F000, 0x4000_0000, 0x7F_FFFF_F000, 0x80_0000_0000,
            0x0000_7FFF_FFFF_F000, KernelHalf, KernelHalf + 0x40_0000_0000, 0xFFFF_FFFF_8000_0000, 0xFFFF_FFFF_FFFF_F000,
        };

        [Test]
        public void AddressesOnEveryIndexBoundaryMapIndependently()
        {
            PageTable table = NewTable();
            for (int i = 0; i < BoundaryAddresses.Length; i++)
                Assert.That(table.Map(BoundaryAddresses[i], (ulong)(i + 1) * Page, PageAttributes.Writable), Is.True);
            for (int i = 0; i < BoundaryAddresses.Length; i++)
            {
                Assert.That(table.TryQuery(BoundaryAddresses[i], out PageMapping mapping), Is.True, BoundaryAddresses[i].ToString("x"));
                Assert.That(mapping.PhysicalAddress, Is.EqualTo((ulong)(i + 1) * Page), BoundaryAddresses[i].ToString("x"));
            }
            for (int i = BoundaryAddresses.Length - 1; i >= 0; i--)
                Assert.That(table.Unmap(BoundaryAddresses[i]), Is.EqualTo((ulong)(i + 1) * Page));
            foreach (ulong address in BoundaryAddresses) Assert.That(table.TryQuery(address, out _), Is.False);
        }

        [Test]
        public void UnmapFreesTheTablesItLeavesEmptyButKeepsThePdpts()
        {
            PageTable table = NewTable();
            ulong free = _ram.FreePages;
            table.Map(0x4000_0000, 0x5000, PageAttributes.Writable);
            Assert.That(free - _ram.FreePages, Is.EqualTo(3UL), "a PDPT, a PD and a PT");
            table.Unmap(0x4000_0000);
            Assert.That(free - _ram.FreePages, Is.EqualTo(1UL), "the PD and PT are freed; the PDPT stays for sharing");
            table.Map(0x4000_0000, 0x5000, PageAttributes.Writable);
            Assert.That(free - _ram.FreePages, Is.EqualTo(3UL), "the PDPT is reused");
        }

        [Test]
        public void ATableStaysWhileAnyOfItsEntriesIsPresent()
        {
            PageTable table = NewTable();
            for (ulong i = 0; i < 512; i++) table.Map(0x60_0000 + i * Page, i * Page, PageAttributes.Writable);
            ulong full = _ram.FreePages;
            for (ulong i = 0; i < 511; i++) table.Unmap(0x60_0000 + i * Page);
            Assert.That(_ram.FreePages, Is.EqualTo(full), "the PT still maps one page");
            Assert.That(table.TryQuery(0x60_0000 + 511 * Page, out PageMapping last), Is.True);
            Assert.That(last.PhysicalAddress, Is.EqualTo(511 * Page));
            table.Unmap(0x60_0000 + 511 * Page);
            Assert.That(_ram.FreePages, Is.EqualTo(full + 2), "the PT and the PD go back");
        }

        [Test]
        public void LargePagesTranslateEveryByteAndCannotBeSplit()
        {
            PageTable table = NewTable();
            Assert.That(table.MapLarge(0x4020_0000, 0x1_2340_0000, PageAttributes.Writable | PageAttributes.Global), Is.True);
            Assert.That(HardwareWalk(table, 0x4020_0000)[2] & (PS | G | RW), Is.EqualTo(PS | G | RW), "a PDE with the large-page bit");
            foreach (ulong offset in new ulong[] { 0, 0x1234, 0x1F_FFFF })
            {
                Assert.That(table.TryQuery(0x4020_0000 + offset, out PageMapping mapping), Is.True);
                Assert.That(mapping.PhysicalAddress, Is.EqualTo(0x1_2340_0000 + offset));
                Assert.That(mapping.PageSize, Is.EqualTo(Large));
            }
            Assert.That(() => table.Map(0x4020_1000, 0x1000, PageAttributes.Writable), Throws.InvalidOperationException.With.Message.Contains("large page"));
            table.Map(0x4000_0000, 0x1000, PageAttributes.Writable);
            Assert.That(() => table.MapLarge(0x4000_0000, 0x20_0000, PageAttributes.Writable), Throws.InvalidOperationException.With.Message.Contains("already mapped"),
                        "a large page over a page table");
            Assert.That(table.Unmap(0x4021_2345), Is.EqualTo(0x1_2340_0000UL), "unmapping any address inside removes the large page");
            Assert.That(table.TryQuery(0x4020_0000, out _), Is.False);
        }

        [Test]
        public void ProtectChangesTheAttributesAndKeepsTheAddress()
        {
            PageTable table = NewTable();
            table.Map(KernelHalf + 0x7000, 0x9000, PageAttributes.Writable);
            table.Protect(KernelHalf + 0x7000, PageAttributes.Executable);
            table.TryQuery(KernelHalf + 0x7000, out PageMapping mapping);
            Assert.That(mapping.PhysicalAddress, Is.EqualTo(0x9000UL));
            Assert.That(mapping.Attributes, Is.EqualTo(PageAttributes.Executable));

            table.Protect(KernelHalf + 0x7000, PageAttributes.User | PageAttributes.Writable);
            List<ulong> entries = HardwareWalk(table, KernelHalf + 0x7000);
            Assert.That(entries.All(e => (e & US) != 0), Is.True, "a page made user-accessible is reachable through user entries");
            Assert.That(entries[3] & (RW | NX), Is.EqualTo(RW | NX));
        }

        [Test]
        public void MisuseIsReportedNotAbsorbed()
        {
            PageTable table = NewTable();
            table.Map(0x1000, 0x2000, PageAttributes.Writable);
            Assert.That(() => table.Map(0x1000, 0x3000, PageAttributes.Writable), Throws.InvalidOperationException.With.Message.Contains("already mapped"));
            Assert.That(() => table.Unmap(0x5000), Throws.InvalidOperationException.With.Message.Contains("not mapped"));
            Assert.That(() => table.Protect(0x5000, PageAttributes.Writable), Throws.InvalidOperationException.With.Message.Contains("not mapped"));
            Assert.That(() => table.Map(0x1800, 0x2000, PageAttributes.Writable), Throws.ArgumentException, "unaligned virtual address");
            Assert.That(() => table.Map(0x8000, 0x2800, PageAttributes.Writable), Throws.ArgumentException, "unaligned physical address");
            Assert.That(() => table.Map(0x0000_8000_0000_0000, 0x2000, PageAttributes.Writable), Throws.ArgumentException, "a non-canonical address");
            Assert.That(() => table.Map(0x9000, 1UL << 52, PageAttributes.Writable), Throws.ArgumentException, "beyond 52-bit physical addresses");
            Assert.That(() => table.MapLarge(0x30_0000, 0x20_0000, PageAttributes.Writable), Throws.ArgumentException, "a large page at an unaligned address");
            Assert.That(table.TryQuery(0x0000_8000_0000_0000, out _), Is.False, "a non-canonical address is never mapped");
            Assert.That(table.TryQuery(0x1000, out PageMapping mapping) && mapping.PhysicalAddress == 0x2000, Is.True, "the good mapping survived");
        }

        [TestCase(0)]
        [TestCase(1)]
        [TestCase(2)]
        public void RunningOutOfMemoryForTablesChangesNothing(int freePagesLeft)
        {
            PageTable table = NewTable();
            ulong[] taken = _ram.Exhaust();
            _ram.GiveBack(taken.Take(freePagesLeft).ToArray());

            Assert.That(table.Map(KernelHalf + 0x4000_0000, 0x5000, PageAttributes.Writable), Is.False, "three tables needed");
            Assert.That(_ram.FreePages, Is.EqualTo((ulong)freePagesLeft), "every table allocated on the way is back");
            Assert.That(table.TryQuery(KernelHalf + 0x4000_0000, out _), Is.False);

            _ram.GiveBack(taken.Skip(freePagesLeft).ToArray());
            Assert.That(table.Map(KernelHalf + 0x4000_0000, 0x5000, PageAttributes.Writable), Is.True, "and it works once memory is back");
        }

        [Test]
        public void TablesComeFromInsideTheWindow()
        {
            const ulong WindowEnd = 4 * MiB;
            PageTable table = NewTable(windowEnd: WindowEnd);
            Assert.That(table.RootAddress, Is.LessThan(WindowEnd));
            for (ulong i = 0; i < 64; i++) table.Map(i * Large, 0, PageAttributes.ReadOnly);
            Assert.That(HardwareWalk(table, 0).Take(3).Select(e => e & AddressBits), Is.All.LessThan(WindowEnd));
            for (ulong i = 0; i < 64; i++) Assert.That(HardwareWalk(table, i * Large)[2] & AddressBits, Is.LessThan(WindowEnd), "PT " + i);

            table.ExtendWindow(NoLimit);
            table.Map(KernelHalf, 0, PageAttributes.ReadOnly);
            Assert.That(HardwareWalk(table, KernelHalf)[0] & AddressBits, Is.GreaterThanOrEqualTo(_ram.Size - 4 * MiB),
                        "with the whole window reachable, tables come from the top of memory like any page");
        }

        // Random map/unmap/protect/query sequences over clustered addresses (so tables are shared and emptied), held
        // against a dictionary, with the number of table pages checked against what the live mappings need.
        [TestCase(1)]
        [TestCase(2)]
        [TestCase(3)]
        public void RandomOperationsAgreeWithAModel(int seed)
        {
            var random = new Random(seed);
            PageTable table = NewTable();
            ulong baseline = _ram.FreePages;
            ulong[] clusters = { 0x1000_0000, 0x7F_FFE0_0000, KernelHalf + 0x3FE0_0000, 0xFFFF_FFFF_FFC0_0000 };
            ulong largeCluster = 0x40_0000_0000;
            var model = new Dictionary<ulong, (ulong Physical, PageAttributes Attributes, ulong Size)>();
            var pdptsEverUsed = new HashSet<ulong>();

            for (int op = 0; op < 4000; op++)
            {
                bool large = random.Next(8) == 0;
                ulong address = large ? largeCluster + (ulong)random.Next(8) * Large
                                      : clusters[random.Next(clusters.Length)] + (ulong)random.Next(1536) * Page;
                var attributes = (PageAttributes)random.Next(32);
                string where = "op " + op + " at 0x" + address.ToString("x");
                switch (random.Next(4))
                {
                    case 0 when !model.ContainsKey(address):
                        ulong physical = (ulong)random.Next(1, 1 << 20) * Large;
                        Assert.That(large ? table.MapLarge(address, physical, attributes) : table.Map(address, physical, attributes), Is.True, where);
                        model[address] = (physical, attributes, large ? Large : Page);
                        pdptsEverUsed.Add(address >> 39);
                        break;
                    case 1 when model.ContainsKey(address):
                        Assert.That(table.Unmap(address), Is.EqualTo(model[address].Physical), where);
                        model.Remove(address);
                        break;
                    case 2 when model.ContainsKey(address):
                        table.Protect(address, attributes);
                        model[address] = (model[address].Physical, attributes, model[address].Size);
                        break;
                    default:
                        ulong offset = (ulong)random.Next((int)Page);
                        bool mapped = table.TryQuery(address + offset, out PageMapping mapping);
                        Assert.That(mapped, Is.EqualTo(model.ContainsKey(address)), where);
                        if (mapped)
                        {
                            Assert.That(mapping.PhysicalAddress, Is.EqualTo(model[address].Physical + offset), where);
                            Assert.That(mapping.Attributes, Is.EqualTo(model[address].Attributes), where);
                        }
                        break;
                }
            }

            foreach (var (address, expected) in model)
            {
                Assert.That(table.TryQuery(address, out PageMapping mapping), Is.True);
                Assert.That((mapping.PhysicalAddress, mapping.Attributes, mapping.PageSize), Is.EqualTo(expected));
            }
            ulong pds = (ulong)model.Keys.Select(a => a >> 30).Distinct().Count();
            ulong pts = (ulong)model.Where(m => m.Value.Size == Page).Select(m => m.Key >> 21).Distinct().Count();
            Assert.That(baseline - _ram.FreePages, Is.EqualTo((ulong)pdptsEverUsed.Count + pds + pts),
                        "table pages in use: every PDPT ever needed, and exactly the PDs and PTs the live mappings need");
        }
    
        [Test]
        public void ATableSharingTheUpperHalfSeesKernelMappingsMadeBeforeAndAfterIt()
        {
            PageTable kernel = NewTable();
            Assert.That(kernel.ReserveUpperHalf(), Is.True);
            Assert.That(kernel.Map(KernelHalf + 0x1000, 0x5000, PageAttributes.Writable), Is.True);
            PageTable process = kernel.CreateSharingUpperHalf();
            Assert.That(kernel.Map(0xFFFF_FF80_0000_0000, 0x6000, PageAttributes.ReadOnly), Is.True);   // the last PDPT

            Assert.That(process.TryQuery(KernelHalf + 0x1000, out PageMapping before), Is.True);
            Assert.That(before.PhysicalAddress, Is.EqualTo(0x5000UL));
            Assert.That(process.TryQuery(0xFFFF_FF80_0000_0000, out PageMapping after), Is.True, "mapped after the process table was made");
            Assert.That(after.PhysicalAddress, Is.EqualTo(0x6000UL));
        }

        [Test]
        public void UserMappingsOfASharingTableStayItsOwn()
        {
            PageTable kernel = NewTable();
            kernel.ReserveUpperHalf();
            PageTable first = kernel.CreateSharingUpperHalf(), second = kernel.CreateSharingUpperHalf();
            Assert.That(first.Map(0x40_0000, 0x7000, PageAttributes.User), Is.True);

            Assert.That(second.TryQuery(0x40_0000, out _), Is.False);
            Assert.That(kernel.TryQuery(0x40_0000, out _), Is.False);
        }

        [Test]
        public void DestroyingASharingTableFreesItsPagesAndTablesAndNothingOfTheKernels()
        {
            PageTable kernel = NewTable();
            kernel.ReserveUpperHalf();
            Assert.That(kernel.Map(KernelHalf + 0x1000, 0x5000, PageAttributes.Writable), Is.True);
            ulong free = _ram.FreePages;
            PageTable process = kernel.CreateSharingUpperHalf();
            ulong[] frames = { _ram.Allocator.AllocatePage(), _ram.Allocator.AllocatePage(), _ram.Allocator.AllocatePage() };
            Assert.That(process.Map(0x40_0000, frames[0], PageAttributes.User), Is.True);
            Assert.That(process.Map(0x7FFF_FFFF_E000, frames[1], PageAttributes.User | PageAttributes.Writable), Is.True);
            Assert.That(process.Map(0x1000_0000_0000, frames[2], PageAttributes.User), Is.True);

            process.DestroySharingUpperHalf();

            Assert.That(_ram.FreePages, Is.EqualTo(free), "every frame and table of the process back");
            Assert.That(kernel.TryQuery(KernelHalf + 0x1000, out PageMapping mapping), Is.True, "the kernel half untouched");
            Assert.That(mapping.PhysicalAddress, Is.EqualTo(0x5000UL));
        }
    }
}
