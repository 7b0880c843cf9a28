using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Arch.X64.Acpi
{
    // What it takes to enter sleep state S5 (soft off): the PM1 control ports from the FADT and the SLP_TYP values
    // from the \_S5 package in the DSDT. Hardware-free; Power uses it as its last way to turn the machine off.
    public readonly struct AcpiSleep
    {
        public AcpiSleep(ushort pm1aControlPort, ushort pm1bControlPort, ushort sleepTypeA, ushort sleepTypeB)
        {
            Pm1aControlPort = pm1aControlPort;
            Pm1bControlPort = pm1bControlPort;
            SleepTypeA = sleepTypeA;
            SleepTypeB = sleepTypeB;
        }

        public ushort Pm1aControlPort { get; }
        public ushort Pm1bControlPort { get; }
        public ushort SleepTypeA { get; }
        public ushort SleepTypeB { get; }
        public bool IsAvailable => Pm1aControlPort != 0;

        public static AcpiSleep FindSoftOff(AcpiTables tables)
        {
            ReadOnlySpan<byte> fadt = tables.Find("FACP");
            if (fadt.Length < 76) return default;
            ulong dsdtAddress = BinaryPrimitives.ReadUInt32LittleEndian(fadt.Slice(40));
            if (fadt.Length >= 148)
            {
                ulong extendedDsdt = BinaryPrimitives.ReadUInt64LittleEndian(fadt.Slice(140));
                if (extendedDsdt != 0) dsdtAddress = extendedDsdt;
            }
            ushort pm1a = (ushort)BinaryPrimitives.ReadUInt32LittleEndian(fadt.Slice(64));
            ushort pm1b = (ushort)BinaryPrimitives.ReadUInt32LittleEndian(fadt.Slice(68));
            if (!TryReadS5(tables.ReadTable(dsdtAddress), out ushort typeA, out ushort typeB)) return default;
            return new AcpiSleep(pm1a, pm1b, typeA, typeB);
        }

        // Finds `Name(_S5, Package(){ a, b, ... })` in the DSDT's AML and reads a and b. Each may be encoded as
        // ZeroOp (0x00), OneOp (0x01), or BytePrefix (0x0A) followed by the byte.
        internal static bool TryReadS5(ReadOnlySpan<byte> dsdt, out ushort typeA, out ushort typeB)
        {
            typeA = typeB = 0;
            for (int i = 36; i + 8 < dsdt.Length; i++)
            {
                if (dsdt[i] != (byte)'_' || dsdt[i + 1] != (byte)'S' || dsdt[i + 2] != (byte)'5' || dsdt[i + 3] != (byte)'_') continue;
                int p = i + 4;
                if (dsdt[p] != 0x12) continue;                 // PackageOp
                p++;
                p += (dsdt[p] >> 6) + 1;                        // PkgLength: 1 to 4 bytes
                p++;                                            // NumElements
                if (!TryReadSmallInteger(dsdt, ref p, out typeA) || !TryReadSmallInteger(dsdt, ref p, out typeB)) return false;
                return true;
            }
            return false;
        }

        static bool TryReadSmallInteger(ReadOnlySpan<byte> aml, ref int p, out ushort value)
        {
            value = 0;
            if (p >= aml.Length) return false;
            byte op = aml[p++];
            if (op == 0x00 || op == 0x01) { value = op; return true; }
            if (op == 0x0A && p < aml.Length) { value = aml[p++]; return true; }
            return false;
        }
    }
}
