using System;
using System.Linq;
using Cosmos.Kernel.Arch.X64.Acpi;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Arch.X64.Acpi.AcpiTableBuilder;

namespace Cosmos.Kernel.Tests.Arch.X64.Acpi
{
    [TestFixture]
    public class MadtTests
    {
        static byte[] Body(uint localApic, uint flags, params byte[][] entries)
            => BitConverter.GetBytes(localApic).Concat(BitConverter.GetBytes(flags)).Concat(entries.SelectMany(e => e)).ToArray();

        static byte[] Entry(byte type, params byte[] fields) => new[] { type, (byte)(fields.Length + 2) }.Concat(fields).ToArray();

        static byte[] U16(ushort value) => BitConverter.GetBytes(value);
        static byte[] U32(uint value) => BitConverter.GetBytes(value);

        static byte[] LocalApic(byte uid, byte id, uint flags) => Entry(0, new[] { uid, id }.Concat(U32(flags)).ToArray());
        static byte[] IoApic(byte id, uint address, uint gsiBase) => Entry(1, new byte[] { id, 0 }.Concat(U32(address)).Concat(U32(gsiBase)).ToArray());
        static byte[] Override(byte irq, uint gsi, ushort flags) => Entry(2, new byte[] { 0, irq }.Concat(U32(gsi)).Concat(U16(flags)).ToArray());

        [Test]
        public void ProcessorsIoApicsOverridesAndNmisAreRead()
        {
            byte[] table = Table("APIC", Body(0xFEE00000, 1,
                LocalApic(0, 0, 1), LocalApic(1, 2, 0), LocalApic(2, 4, 2),
                IoApic(8, 0xFEC00000, 0), IoApic(9, 0xFEC01000, 24),
                Override(0, 2, 0), Override(9, 9, 0b1111),
                Entry(4, 0xFF, 0x05, 0x00, 1),
                Entry(9, new byte[] { 0, 0 }.Concat(U32(300)).Concat(U32(1)).Concat(U32(7)).ToArray())));

            var madt = new Madt(table);

            Assert.That(madt.LocalApicAddress, Is.EqualTo(0xFEE00000));
            Assert.That(madt.HasLegacyPics, Is.True);
            Assert.That(madt.Processors, Is.EqualTo(new[]
            {
                new MadtProcessor(0, 0, true), new MadtProcessor(2, 1, false), new MadtProcessor(4, 2, false),
                new MadtProcessor(300, 7, true),
            }));
            Assert.That(madt.IoApics, Is.EqualTo(new[] { new MadtIoApic(8, 0xFEC00000, 0), new MadtIoApic(9, 0xFEC01000, 24) }));
            Assert.That(madt.LocalNmis, Is.EqualTo(new[] { new MadtLocalNmi(0xFF, 1, 0x0005) }));
            MadtSourceOverride sci = madt.RouteIsaIrq(9);
            Assert.That((sci.Gsi, sci.ActiveLow, sci.LevelTriggered), Is.EqualTo((9u, true, true)));
        }

        [Test]
        public void AnIrqWithoutAnOverrideKeepsItsNumberActiveHighAndEdgeTriggered()
        {
            var madt = new Madt(Table("APIC", Body(0xFEE00000, 0, Override(0, 2, 0))));
            Assert.That(madt.RouteIsaIrq(0).Gsi, Is.EqualTo(2));
            MadtSourceOverride keyboard = madt.RouteIsaIrq(1);
            Assert.That((keyboard.Gsi, keyboard.ActiveLow, keyboard.LevelTriggered), Is.EqualTo((1u, false, false)));
        }

        [Test]
        public void TheAddressOverrideReplacesThe32BitAddress()
        {
            byte[] overrideEntry = Entry(5, new byte[] { 0, 0 }.Concat(BitConverter.GetBytes(0x1_2345_6000UL)).ToArray());
            Assert.That(new Madt(Table("APIC", Body(0xFEE00000, 0, overrideEntry))).LocalApicAddress, Is.EqualTo(0x1_2345_6000UL));
        }

        [Test]
        public void UnknownEntriesAreSkippedAndABadLengthEndsTheWalk()
        {
            byte[] unknown = Entry(0x7F, 1, 2, 3);
            byte[] zeroLength = { 0, 0, 9, 9, 9, 9, 9, 9 };
            var madt = new Madt(Table("APIC", Body(0xFEE00000, 0, unknown, LocalApic(0, 3, 1), zeroLength, LocalApic(1, 4, 1))));
            Assert.That(madt.Processors, Is.EqualTo(new[] { new MadtProcessor(3, 0, true) }));
        }

        [Test]
        public void AnotherTableIsRefused()
        {
            Assert.Throws<ArgumentException>(() => new Madt(Table("FACP", new byte[8])));
        }

        [Test]
        public void QemusRealMadtHasOneProcessorOneIoApicAndFiveOverrides()
        {
            var madt = new Madt(AcpiTablesTests.RealQemuTables().Tables.Find("APIC"));

            Assert.That(madt.LocalApicAddress, Is.EqualTo(0xFEE00000));
            Assert.That(madt.Processors, Is.EqualTo(new[] { new MadtProcessor(0, 0, true) }));
            Assert.That(madt.IoApics, Is.EqualTo(new[] { new MadtIoApic(0, 0xFEC00000, 0) }));
            Assert.That(madt.SourceOverrides.Select(o => (o.IsaIrq, o.Gsi)),
                        Is.EqualTo(new[] { (0, 2u), (5, 5u), (9, 9u), (10, 10u), (11, 11u) }.Select(p => ((byte)p.Item1, p.Item2))));
            Assert.That(madt.RouteIsaIrq(9).LevelTriggered && !madt.RouteIsaIrq(9).ActiveLow, Is.True, "PCI IRQs: level, active high");
            Assert.That(madt.RouteIsaIrq(4).Gsi, Is.EqualTo(4), "COM1 keeps its number");
            Assert.That(madt.LocalNmis, Is.EqualTo(new[] { new MadtLocalNmi(0xFF, 1, 0) }));
        }
    }
}
