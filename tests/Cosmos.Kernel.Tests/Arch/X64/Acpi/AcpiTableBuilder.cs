using System;
using System.Buffers.Binary;
using System.Linq;
using System.Text;

namespace Cosmos.Kernel.Tests.Arch.X64.Acpi
{
    // ACPI structures as the specification lays them out (ACPI 6.5, chapter 5.2), with correct checksums.
    public static class AcpiTableBuilder
    {
        public const int HeaderLength = 36;
        public const int FadtDsdtOffset = 40, FadtPm1aControlOffset = 64, FadtPm1bControlOffset = 68, FadtXDsdtOffset = 140;
        public const int Acpi1FadtLength = 116, Acpi2FadtLength = 244;

        // A system description table: the 36-byte header (signature, length, revision, checksum, OEM ID, OEM table
        // ID, OEM revision, creator ID, creator revision) followed by the body; the checksum makes all bytes sum to 0.
        public static byte[] Table(string signature, byte[] body, byte revision = 1)
        {
            var table = new byte[HeaderLength + body.Length];
            Encoding.ASCII.GetBytes(signature).CopyTo(table, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4), (uint)table.Length);
            table[8] = revision;
            Encoding.ASCII.GetBytes("COSMOS").CopyTo(table, 10);
            Encoding.ASCII.GetBytes("TESTTABL").CopyTo(table, 16);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(24), 1);
            Encoding.ASCII.GetBytes("CSMS").CopyTo(table, 28);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(32), 1);
            body.CopyTo(table, HeaderLength);
            return FixChecksum(table, 9, 0, table.Length);
        }

        public static byte[] Rsdt(params ulong[] tables)
        {
            var body = new byte[4 * tables.Length];
            for (int i = 0; i < tables.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4 * i), checked((uint)tables[i]));
            return Table("RSDT", body);
        }

        public static byte[] Xsdt(params ulong[] tables)
        {
            var body = new byte[8 * tables.Length];
            for (int i = 0; i < tables.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(8 * i), tables[i]);
            return Table("XSDT", body);
        }

        // ACPI 1.0 RSDP: 20 bytes, checksum over them.
        public static byte[] RsdpV1(uint rsdtAddress) => Rsdp(0, rsdtAddress, 0);

        // ACPI 2.0+ RSDP: 36 bytes, the 1.0 checksum over the first 20 and the extended checksum over all 36.
        public static byte[] RsdpV2(uint rsdtAddress, ulong xsdtAddress, byte revision = 2) => Rsdp(revision, rsdtAddress, xsdtAddress);

        static byte[] Rsdp(byte revision, uint rsdtAddress, ulong xsdtAddress)
        {
            var rsdp = new byte[revision >= 2 ? 36 : 20];
            Encoding.ASCII.GetBytes("RSD PTR ").CopyTo(rsdp, 0);
            Encoding.ASCII.GetBytes("COSMOS").CopyTo(rsdp, 9);
            rsdp[15] = revision;
            BinaryPrimitives.WriteUInt32LittleEndian(rsdp.AsSpan(16), rsdtAddress);
            if (revision >= 2)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(rsdp.AsSpan(20), 36);
                BinaryPrimitives.WriteUInt64LittleEndian(rsdp.AsSpan(24), xsdtAddress);
            }
            FixChecksum(rsdp, 8, 0, 20);
            return revision >= 2 ? FixChecksum(rsdp, 32, 0, 36) : rsdp;
        }

        // A FADT ("FACP") with what the sleep code reads: DSDT (32-bit, offset 40), PM1a/PM1b control block ports
        // (offsets 64, 68) and, in a table long enough to have it, X_DSDT (64-bit, offset 140).
        public static byte[] Fadt(uint dsdt, uint pm1aControl, uint pm1bControl, ulong xDsdt = 0, int length = Acpi2FadtLength)
        {
            var body = new byte[length - HeaderLength];
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(FadtDsdtOffset - HeaderLength), dsdt);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(FadtPm1aControlOffset - HeaderLength), pm1aControl);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(FadtPm1bControlOffset - HeaderLength), pm1bControl);
            if (length >= FadtXDsdtOffset + 8) BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(FadtXDsdtOffset - HeaderLength), xDsdt);
            return Table("FACP", body, revision: (byte)(length >= Acpi2FadtLength ? 6 : 1));
        }

        // A DSDT whose definition block is the given AML terms, in order.
        public static byte[] Dsdt(params byte[][] terms) => Table("DSDT", terms.SelectMany(t => t).ToArray(), revision: 2);

        // A copy with one byte changed and the checksum left as it was.
        public static byte[] Corrupted(byte[] table, int offset)
        {
            var copy = (byte[])table.Clone();
            copy[offset] ^= 0x5A;
            return copy;
        }

        static byte[] FixChecksum(byte[] bytes, int checksumOffset, int start, int length)
        {
            bytes[checksumOffset] = 0;
            byte sum = 0;
            for (int i = start; i < start + length; i++) sum += bytes[i];
            bytes[checksumOffset] = (byte)-sum;
            return bytes;
        }
    }
}
