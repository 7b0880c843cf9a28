using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Cosmos.Kernel.Arch.X64.Acpi;
using Cosmos.Kernel.Boot.Multiboot2;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Arch.X64.Acpi.AcpiTableBuilder;

namespace Cosmos.Kernel.Tests.Arch.X64.Acpi
{
    [TestFixture]
    public class AcpiTablesTests
    {
        static byte[] Apic() => Table("APIC", new byte[] { 0x00, 0x00, 0xE0, 0xFE, 1, 0, 0, 0 });
        static byte[] Hpet() => Table("HPET", new byte[20]);
        static byte[] Facp() => Fadt(dsdt: 0, pm1aControl: 0x604, pm1bControl: 0);

        static void AssertFound(AcpiTables tables, string signature, byte[] expected)
        {
            Assert.That(tables.Find(signature).ToArray(), Is.EqualTo(expected), signature);
        }

        static void AssertAbsent(AcpiTables tables, string signature)
        {
            Assert.That(tables.Find(signature).IsEmpty, Is.True, signature + " should be absent");
        }

        [Test]
        public void AVersion1RsdpLeadsThroughTheRsdtToEveryTable()
        {
            var machine = new AcpiMachine();
            byte[] facp = Facp(), apic = Apic(), hpet = Hpet();
            byte[] rsdp = machine.RsdpV1(machine.Place(facp), machine.Place(apic), machine.Place(hpet));

            AcpiTables tables = machine.Tables(rsdp);

            Assert.That(tables.Count, Is.EqualTo(3));
            AssertFound(tables, "FACP", facp);
            AssertFound(tables, "APIC", apic);
            AssertFound(tables, "HPET", hpet);
            AssertAbsent(tables, "SSDT");
            AssertAbsent(tables, "RSDT");
        }

        [TestCase("API")]
        [TestCase("A")]
        [TestCase("")]
        [TestCase("APIC ")]
        public void OnlyAFullFourCharacterSignatureMatches(string signature)
        {
            var machine = new AcpiMachine();
            AcpiTables tables = machine.Tables(machine.RsdpV1(machine.Place(Apic())));

            AssertAbsent(tables, signature);
        }

        [Test]
        public void AVersion2RsdpLeadsThroughTheXsdtNotTheRsdt([Values(2, 3, 6, 255)] byte revision)
        {
            var machine = new AcpiMachine();
            byte[] apic = Apic(), facp = Facp(), legacyApic = Table("APIC", new byte[] { 9 }), onlyInRsdt = Table("BOOT", new byte[4]);
            // The XSDT's tables sit above 4 GiB, where only a 64-bit pointer reaches.
            ulong apicAddress = machine.PlaceAt(0x1_2345_0000, apic), facpAddress = machine.PlaceAt(0xFFFF_FFFF_0000, facp);
            byte[] rsdp = machine.RsdpV2(new[] { apicAddress, facpAddress }, new[] { machine.Place(legacyApic), machine.Place(onlyInRsdt) }, revision);

            AcpiTables tables = machine.Tables(rsdp);

            Assert.That(tables.Count, Is.EqualTo(2));
            AssertFound(tables, "APIC", apic);
            AssertFound(tables, "FACP", facp);
            AssertAbsent(tables, "BOOT");
        }

        [Test]
        public void ARevision2RsdpCutTo20BytesFallsBackToTheRsdt()
        {
            var machine = new AcpiMachine();
            byte[] inRsdt = Table("BOOT", new byte[4]), inXsdt = Apic();
            byte[] rsdp = machine.RsdpV2(new[] { machine.Place(inXsdt) }, new[] { machine.Place(inRsdt) });

            AcpiTables tables = machine.Tables(rsdp.AsSpan(0, 20).ToArray());

            AssertFound(tables, "BOOT", inRsdt);
            AssertAbsent(tables, "APIC");
        }

        [Test]
        public void ARevision0RsdpUsesTheRsdtEvenWhenItsCopyIsLonger()
        {
            var machine = new AcpiMachine();
            byte[] inRsdt = Table("BOOT", new byte[4]);
            byte[] rsdp = machine.RsdpV1((uint)machine.Place(inRsdt));
            byte[] longer = new byte[36];
            rsdp.CopyTo(longer, 0);
            BinaryPrimitives.WriteUInt64LittleEndian(longer.AsSpan(24), 0xDEAD_0000);   // nothing there: must not be read

            AssertFound(machine.Tables(longer), "BOOT", inRsdt);
        }

        [Test]
        public void AnRsdpWithAnyByteOfItsFirst20ChangedLeadsNowhere([Range(0, 19)] int offset)
        {
            var machine = new AcpiMachine();
            byte[] rsdp = machine.RsdpV1(machine.Place(Apic()));
            // Changing a pointer byte sends the parser to where nothing is placed: it must not get as far as reading.
            AcpiTables tables = machine.Tables(Corrupted(rsdp, offset));

            Assert.That(tables.Count, Is.Zero);
            AssertAbsent(tables, "APIC");
        }

        [Test]
        public void AVersion2RsdpWithABadExtendedChecksumDoesNotLeadToTheXsdt([Values(20, 32, 33)] int offset)
        {
            // ACPI 6.5, 5.2.5.3: the extended checksum covers all 36 bytes of a revision 2+ RSDP (Linux rejects the RSDP
            // when it fails). Bytes 20 (length), 32 (the extended checksum itself) and 33 (reserved) leave the XSDT
            // pointer intact, so only a parser that checks the extended checksum stays away from the XSDT.
            var machine = new AcpiMachine();
            byte[] rsdp = machine.RsdpV2(new[] { machine.Place(Apic()) });

            AssertAbsent(machine.Tables(Corrupted(rsdp, offset)), "APIC");
        }

        [TestCase("RSD PTR\0")]
        [TestCase("rsd ptr ")]
        [TestCase("RSDT PTR")]
        [TestCase("\0\0\0\0\0\0\0\0")]
        public void AnRsdpWithTheWrongSignatureLeadsNowhereEvenWithAGoodChecksum(string signature)
        {
            var machine = new AcpiMachine();
            byte[] rsdp = machine.RsdpV1(machine.Place(Apic()));
            Encoding.ASCII.GetBytes(signature).CopyTo(rsdp, 0);
            rsdp[8] = 0;
            rsdp[8] = (byte)-rsdp.Take(20).Aggregate(0, (sum, b) => sum + b);

            Assert.That(machine.Tables(rsdp).Count, Is.Zero);
        }

        [Test]
        public void NoRsdpOrAShortOneLeadsNowhere([Values(-1, 0, 8, 19)] int length)
        {
            var machine = new AcpiMachine();
            byte[] rsdp = machine.RsdpV1(machine.Place(Apic()));

            AcpiTables tables = machine.Tables(length < 0 ? null : rsdp.AsSpan(0, length).ToArray());

            Assert.That(tables.Count, Is.Zero);
            AssertAbsent(tables, "APIC");
        }

        [Test]
        public void ATableWithAnyByteChangedIsAbsentAndTheOthersAreNot([Range(0, 43)] int offset)
        {
            var machine = new AcpiMachine();
            byte[] facp = Facp(), apic = Apic();
            byte[] rsdp = machine.RsdpV1(machine.Place(facp), machine.Place(Corrupted(apic, offset)));

            AcpiTables tables = machine.Tables(rsdp);

            AssertAbsent(tables, "APIC");
            AssertFound(tables, "FACP", facp);
        }

        [Test]
        public void ARootTableWithABadChecksumLeadsNowhere([Values] bool extended)
        {
            var machine = new AcpiMachine();
            ulong apic = machine.Place(Apic());
            byte[] root = extended ? Xsdt(apic) : Rsdt(apic);
            ulong rootAddress = machine.Place(Corrupted(root, root.Length - 1));
            byte[] rsdp = extended ? RsdpV2(0, rootAddress) : RsdpV1((uint)rootAddress);

            Assert.That(machine.Tables(rsdp).Count, Is.Zero);
        }

        [Test]
        public void ARootTableAtAddressZeroLeadsNowhere()
        {
            Assert.That(new AcpiMachine().Tables(RsdpV1(0)).Count, Is.Zero);
        }

        [TestCase(0u)]
        [TestCase(35u)]
        [TestCase((1u << 24) + 1)]
        [TestCase(uint.MaxValue)]
        public void ATableWhoseLengthIsImpossibleIsAbsentWithoutBeingRead(uint length)
        {
            var machine = new AcpiMachine();
            byte[] header = Table("SSDT", new byte[0]);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), length);
            byte[] apic = Apic();
            ulong ssdtAddress = machine.Place(header);
            byte[] rsdp = machine.RsdpV1(ssdtAddress, machine.Place(apic));

            AcpiTables tables = machine.Tables(rsdp);

            AssertAbsent(tables, "SSDT");
            AssertFound(tables, "APIC", apic);
            Assert.That(machine.Memory.Reads.Where(r => r.Address == ssdtAddress).Select(r => r.Length), Is.All.EqualTo(HeaderLength),
                "only the header of a table with an impossible length is read");
        }

        [Test]
        public void ANullEntryInTheRootTableIsSkipped()
        {
            var machine = new AcpiMachine();
            byte[] apic = Apic();
            byte[] rsdp = machine.RsdpV2(new[] { 0UL, machine.Place(apic) });

            AcpiTables tables = machine.Tables(rsdp);

            AssertFound(tables, "APIC", apic);
            Assert.That(tables.ReadTable(0).IsEmpty, Is.True);
        }

        [Test]
        public void OfTwoTablesWithOneSignatureTheFirstListedIsFound()
        {
            var machine = new AcpiMachine();
            byte[] first = Table("SSDT", new byte[] { 1 }), second = Table("SSDT", new byte[] { 2 });
            ulong secondAddress = machine.Place(second), firstAddress = machine.Place(first);

            AssertFound(machine.Tables(machine.RsdpV1(firstAddress, secondAddress)), "SSDT", first);
        }

        [Test]
        public void ReadTableReturnsTheWholeVerifiedTableAtAnAddress()
        {
            var machine = new AcpiMachine();
            byte[] dsdt = Dsdt(Aml.Name("_S5_", Aml.Package(Aml.Zero, Aml.Zero)));
            ulong dsdtAddress = machine.Place(dsdt), badAddress = machine.Place(Corrupted(dsdt, 40));
            AcpiTables tables = machine.Tables(machine.RsdpV1());

            Assert.That(tables.Count, Is.Zero, "the DSDT is not listed in the root table: it is reached through the FADT");
            Assert.That(tables.ReadTable(dsdtAddress).ToArray(), Is.EqualTo(dsdt));
            Assert.That(tables.ReadTable(badAddress).IsEmpty, Is.True);
        }

        // --- property: random machines ----------------------------------------------------------------------------

        [Test]
        public void RandomMachinesFindExactlyTheFirstIntactTableOfEachSignature([Range(1, 100)] int seed)
        {
            var random = new Random(seed);
            var machine = new AcpiMachine();
            string[] signatures = { "FACP", "APIC", "HPET", "SSDT", "MCFG", "WAET", "BGRT" };
            var listed = new List<(ulong Address, string Signature, byte[] Bytes, bool Intact)>();
            for (int n = random.Next(0, 12); n > 0; n--)
            {
                var body = new byte[random.Next(0, 200)];
                random.NextBytes(body);
                byte[] table = Table(signatures[random.Next(signatures.Length)], body);
                bool intact = random.Next(4) != 0;
                if (!intact) table = Corrupted(table, random.Next(table.Length));
                ulong address = random.Next(2) == 0 ? machine.Place(table) : machine.PlaceAt(0x1_0000_0000UL * (ulong)(listed.Count + 1), table);
                listed.Add((address, Encoding.ASCII.GetString(table, 0, 4), table, intact));
            }
            bool extended = random.Next(2) == 0 || listed.Any(t => t.Address > uint.MaxValue);
            ulong[] addresses = listed.Select(t => t.Address).ToArray();
            byte[] rsdp = extended ? machine.RsdpV2(addresses) : machine.RsdpV1(addresses);

            AcpiTables tables = machine.Tables(rsdp);

            Assert.That(tables.Count, Is.EqualTo(listed.Count));
            foreach (string signature in signatures)
            {
                var expected = listed.FirstOrDefault(t => t.Intact && t.Signature == signature);
                Assert.That(tables.Find(signature).ToArray(), Is.EqualTo(expected.Bytes ?? new byte[0]), signature + ", seed " + seed);
            }
        }

        // --- the tables of a real machine -------------------------------------------------------------------------

        // QEMU 7.2's i440fx tables, at their physical addresses, and the RSDP copy GRUB handed the same boot.
        internal static (AcpiTables Tables, SyntheticPhysicalMemory Memory) RealQemuTables()
        {
            var memory = new SyntheticPhysicalMemory();
            CapturedBytes tables = CapturedBytes.Load("qemu-i440fx-acpi-tables.txt");
            memory.Place(tables.PhysicalAddress, tables.Bytes);
            byte[] rsdp = Multiboot2Info.Parse(CapturedBytes.Load("qemu-grub-multiboot2-info.txt").Bytes).Rsdp;
            return (new AcpiTables(rsdp, memory.Reader), memory);
        }

        [Test]
        public void QemusRealTablesAreFoundFromTheRsdpGrubGave()
        {
            var (tables, memory) = RealQemuTables();

            Assert.That(tables.Count, Is.EqualTo(4));
            foreach (string signature in new[] { "FACP", "APIC", "HPET", "WAET" })
            {
                ReadOnlySpan<byte> table = tables.Find(signature);
                Assert.That(table.Length, Is.GreaterThanOrEqualTo(HeaderLength), signature);
                Assert.That(Encoding.ASCII.GetString(table.Slice(10, 6)), Is.EqualTo("BOCHS "), signature + " OEM ID");
            }
            Assert.That(tables.Find("FACP").Length, Is.EqualTo(Acpi1FadtLength), "SeaBIOS gives an ACPI 1.0 FADT");
            uint dsdtAddress = BinaryPrimitives.ReadUInt32LittleEndian(tables.Find("FACP").Slice(FadtDsdtOffset));
            Assert.That(Encoding.ASCII.GetString(tables.ReadTable(dsdtAddress).Slice(0, 4)), Is.EqualTo("DSDT"));
        }
    }
}
