using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Arch.X64.Acpi;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Arch.X64.Acpi.AcpiTableBuilder;

namespace Cosmos.Kernel.Tests.Arch.X64.Acpi
{
    [TestFixture]
    public class AcpiSleepTests
    {
        const ushort Pm1a = 0xB004, Pm1b = 0xB008;

        // The two sleep types of Name(\_S5, Package() { a, b, ... }), in one of the encodings a compiler emits.
        public sealed class S5Encoding
        {
            public S5Encoding(string name, byte[] a, byte[] b, ushort typeA, ushort typeB)
            {
                Name = name; A = a; B = b; TypeA = typeA; TypeB = typeB;
            }

            public string Name { get; }
            public byte[] A { get; }
            public byte[] B { get; }
            public ushort TypeA { get; }
            public ushort TypeB { get; }
            public override string ToString() => Name;
        }

        public static readonly S5Encoding[] Encodings =
        {
            new S5Encoding("Zero, Zero", Aml.Zero, Aml.Zero, 0, 0),
            new S5Encoding("One, Zero", Aml.One, Aml.Zero, 1, 0),
            new S5Encoding("Zero, One", Aml.Zero, Aml.One, 0, 1),
            new S5Encoding("Byte 5, Byte 5", Aml.Byte(5), Aml.Byte(5), 5, 5),
            new S5Encoding("Byte 7, Zero", Aml.Byte(7), Aml.Zero, 7, 0),
            new S5Encoding("One, Byte 0x0A", Aml.One, Aml.Byte(0x0A), 1, 10),
            new S5Encoding("Byte 0, Byte 0xFF", Aml.Byte(0), Aml.Byte(0xFF), 0, 255),
        };

        // A machine whose FADT names the given ports and a DSDT made of the given AML.
        static AcpiSleep SoftOff(uint pm1a, uint pm1b, params byte[][] aml)
        {
            var machine = new AcpiMachine();
            ulong dsdt = machine.Place(Dsdt(aml));
            return AcpiSleep.FindSoftOff(machine.Tables(machine.RsdpV1(machine.Place(Fadt((uint)dsdt, pm1a, pm1b)))));
        }

        static void AssertSoftOff(AcpiSleep sleep, ushort typeA, ushort typeB)
        {
            Assert.That(sleep.IsAvailable, Is.True);
            Assert.That((sleep.Pm1aControlPort, sleep.Pm1bControlPort), Is.EqualTo((Pm1a, Pm1b)));
            Assert.That((sleep.SleepTypeA, sleep.SleepTypeB), Is.EqualTo((typeA, typeB)));
        }

        static void AssertUnavailable(AcpiSleep sleep)
        {
            Assert.That(sleep.IsAvailable, Is.False);
        }

        // Elements after the two sleep types (reserved, in real tables), enough of them that the package's PkgLength
        // takes the given number of bytes: up to 63 bytes of package fit one, up to 4095 two, more need three.
        static byte[][] Reserved(int pkgLengthBytes)
        {
            if (pkgLengthBytes == 1) return new[] { Aml.Zero, Aml.Zero };
            byte[][] bytes = Enumerable.Range(0, 30).Select(i => Aml.Byte((byte)(0xA0 + i))).ToArray();
            if (pkgLengthBytes == 2) return bytes;
            return Enumerable.Range(0, 12).Select(_ => Aml.Package(Enumerable.Repeat(bytes, 7).SelectMany(b => b).ToArray())).ToArray();
        }

        [Test]
        public void TheSleepTypesAreReadWhateverTheirEncoding([ValueSource(nameof(Encodings))] S5Encoding encoding,
                                                              [Values(1, 2, 3)] int pkgLengthBytes)
        {
            byte[] package = Aml.Package(new[] { encoding.A, encoding.B }.Concat(Reserved(pkgLengthBytes)).ToArray());
            Assert.That((package[1] >> 6) + 1, Is.EqualTo(pkgLengthBytes), "bytes of the package's PkgLength");

            AssertSoftOff(SoftOff(Pm1a, Pm1b, Aml.Name("_S5_", package)), encoding.TypeA, encoding.TypeB);
        }

        [Test]
        public void TheDefinitionIsFoundWhereverItIsInTheDsdt()
        {
            // As firmware writes it: other objects first, a method that refers to \_S5 before it is defined, the name
            // with a root prefix, other sleep states around it.
            AcpiSleep sleep = SoftOff(Pm1a, Pm1b,
                Aml.Scope("\\_SB_", Aml.Name("PCI0", Aml.Byte(1))),
                Aml.Method("PTS_", Aml.Return("\\_S5_")),
                Aml.Name("\\_S3_", Aml.Package(Aml.Byte(1), Aml.Byte(1), Aml.Zero, Aml.Zero)),
                Aml.Name("\\_S5_", Aml.Package(Aml.Byte(5), Aml.Byte(6), Aml.Zero, Aml.Zero)),
                Aml.Name("_S4_", Aml.Package(Aml.Byte(2), Aml.Byte(2), Aml.Zero, Aml.Zero)));

            AssertSoftOff(sleep, 5, 6);
        }

        [Test]
        public void TheDefinitionAtTheVeryEndOfTheDsdtIsRead()
        {
            AssertSoftOff(SoftOff(Pm1a, Pm1b, Aml.Name("_S5_", Aml.Package(Aml.One, Aml.Byte(3)))), 1, 3);
        }

        [Test]
        public void WithoutS5SoftOffIsUnavailable()
        {
            AssertUnavailable(SoftOff(Pm1a, Pm1b,
                Aml.Name("_S3_", Aml.Package(Aml.Byte(1), Aml.Byte(1))),
                Aml.Name("_S4_", Aml.Package(Aml.Byte(2), Aml.Byte(2))),
                Aml.Method("PTS_", Aml.Return("\\_S5_"))));
        }

        [Test]
        public void AnS5ThatIsNotAPackageOfSmallIntegersIsUnavailable()
        {
            AssertUnavailable(SoftOff(Pm1a, Pm1b, Aml.Name("_S5_", Aml.Byte(5))));
            AssertUnavailable(SoftOff(Pm1a, Pm1b, Aml.Name("_S5_", Aml.Package(Aml.Byte(5)))));
            AssertUnavailable(SoftOff(Pm1a, Pm1b, Aml.Name("_S5_", Aml.Package(Aml.Name("XXXX", Aml.Zero), Aml.Zero))));
        }

        [Test]
        public void ThePortsComeFromThePm1ControlBlocksOfTheFadt([Values(0x404u, 0x604u, 0xB004u, 0xFFFFu)] uint pm1a,
                                                                 [Values(0u, 0x1004u)] uint pm1b)
        {
            AcpiSleep sleep = SoftOff(pm1a, pm1b, Aml.Name("_S5_", Aml.Package(Aml.Byte(5), Aml.Byte(7))));

            Assert.That((sleep.Pm1aControlPort, sleep.Pm1bControlPort), Is.EqualTo(((ushort)pm1a, (ushort)pm1b)));
            Assert.That((sleep.SleepTypeA, sleep.SleepTypeB), Is.EqualTo(((ushort)5, (ushort)7)));
            Assert.That(sleep.IsAvailable, Is.True);
        }

        [Test]
        public void WithoutAPm1aControlBlockSoftOffIsUnavailable()
        {
            AssertUnavailable(SoftOff(0, Pm1b, Aml.Name("_S5_", Aml.Package(Aml.Byte(5), Aml.Byte(5)))));
        }

        // --- which DSDT ------------------------------------------------------------------------------------------------

        static AcpiSleep WithTwoDsdts(bool setXDsdt, int fadtLength)
        {
            var machine = new AcpiMachine();
            ulong legacy = machine.Place(Dsdt(Aml.Name("_S5_", Aml.Package(Aml.Byte(1), Aml.Byte(2)))));
            ulong extended = machine.PlaceAt(0x2_0000_0000, Dsdt(Aml.Name("_S5_", Aml.Package(Aml.Byte(5), Aml.Byte(6)))));
            byte[] fadt = Fadt((uint)legacy, Pm1a, Pm1b, setXDsdt ? extended : 0, fadtLength);
            return AcpiSleep.FindSoftOff(machine.Tables(machine.RsdpV1(machine.Place(fadt))));
        }

        [Test]
        public void ANonZeroXDsdtIsPreferredToTheDsdt()
        {
            AssertSoftOff(WithTwoDsdts(setXDsdt: true, Acpi2FadtLength), 5, 6);
            AssertSoftOff(WithTwoDsdts(setXDsdt: true, FadtXDsdtOffset + 8), 5, 6);
        }

        [Test]
        public void AZeroXDsdtLeavesTheDsdt()
        {
            AssertSoftOff(WithTwoDsdts(setXDsdt: false, Acpi2FadtLength), 1, 2);
        }

        [Test]
        public void AFadtTooShortForXDsdtUsesTheDsdt([Values(Acpi1FadtLength, FadtXDsdtOffset + 7)] int fadtLength)
        {
            AssertSoftOff(WithTwoDsdts(setXDsdt: true, fadtLength), 1, 2);
        }

        [Test]
        public void AFadtTooShortForThePm1ControlBlocksGivesNothing([Values(36, 64, 75)] int fadtLength)
        {
            var machine = new AcpiMachine();
            ulong dsdt = machine.Place(Dsdt(Aml.Name("_S5_", Aml.Package(Aml.Byte(5), Aml.Byte(5)))));
            byte[] body = new byte[fadtLength - HeaderLength];
            if (body.Length >= 8) BitConverter.GetBytes((uint)dsdt).CopyTo(body, FadtDsdtOffset - HeaderLength);

            AssertUnavailable(AcpiSleep.FindSoftOff(machine.Tables(machine.RsdpV1(machine.Place(Table("FACP", body))))));
        }

        [Test]
        public void WithoutAFadtSoftOffIsUnavailable()
        {
            var machine = new AcpiMachine();
            machine.Place(Dsdt(Aml.Name("_S5_", Aml.Package(Aml.Byte(5), Aml.Byte(5)))));

            AssertUnavailable(AcpiSleep.FindSoftOff(machine.Tables(machine.RsdpV1(machine.Place(Table("APIC", new byte[8]))))));
            AssertUnavailable(AcpiSleep.FindSoftOff(machine.Tables(null)));
        }

        [Test]
        public void ADsdtWithABadChecksumIsNotTrusted([Values(0, 9, 36, 41)] int corruptedOffset)
        {
            var machine = new AcpiMachine();
            byte[] dsdt = Dsdt(Aml.Name("_S5_", Aml.Package(Aml.Byte(5), Aml.Byte(5))));
            ulong dsdtAddress = machine.Place(Corrupted(dsdt, corruptedOffset));

            AssertUnavailable(AcpiSleep.FindSoftOff(machine.Tables(machine.RsdpV1(machine.Place(Fadt((uint)dsdtAddress, Pm1a, Pm1b))))));
        }

        [Test]
        public void AFadtWithoutADsdtGivesNothing()
        {
            AssertUnavailable(SoftOffWithDsdtAddress(0));
        }

        static AcpiSleep SoftOffWithDsdtAddress(uint dsdt)
        {
            var machine = new AcpiMachine();
            return AcpiSleep.FindSoftOff(machine.Tables(machine.RsdpV1(machine.Place(Fadt(dsdt, Pm1a, Pm1b)))));
        }

        // --- the tables of a real machine -------------------------------------------------------------------------

        [Test]
        public void QemuI440fxTurnsOffThroughPort0x604WithSleepType0()
        {
            // QEMU's PIIX4 power management: PM1a control at 0x604, no PM1b; its DSDT says
            // Name(_S5, Package(0x04) { Zero, Zero, Zero, Zero }).
            AcpiSleep sleep = AcpiSleep.FindSoftOff(AcpiTablesTests.RealQemuTables().Tables);

            Assert.That(sleep.IsAvailable, Is.True);
            Assert.That(sleep.Pm1aControlPort, Is.EqualTo(0x604));
            Assert.That(sleep.Pm1bControlPort, Is.Zero);
            Assert.That((sleep.SleepTypeA, sleep.SleepTypeB), Is.EqualTo(((ushort)0, (ushort)0)));
        }
    }
}
