using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Arch.X64.Acpi
{
    // Reads physical memory for the table parser: the kernel passes its direct map, the host tests a byte array.
    public delegate ReadOnlySpan<byte> PhysicalMemoryReader(ulong physicalAddress, int length);

    // Finds ACPI tables from the RSDP (a copy of which GRUB hands over): through the XSDT when the RSDP is version 2+,
    // else the RSDT. Checksums are verified; a table that fails is treated as absent. Hardware-free.
    public sealed class AcpiTables
    {
        const int HeaderLength = 36;

        readonly PhysicalMemoryReader _read;
        readonly ulong[] _tables;

        public AcpiTables(byte[] rsdp, PhysicalMemoryReader read)
        {
            _read = read;
            _tables = ReadRootTable(rsdp);
        }

        public int Count => _tables.Length;

        // The whole table with the given signature ("FACP", "APIC", ...), or an empty span.
        public ReadOnlySpan<byte> Find(string signature)
        {
            foreach (ulong address in _tables)
            {
                ReadOnlySpan<byte> table = ReadTable(address);
                if (signature.Length == 4 && table.Length >= HeaderLength && HasSignature(table, signature)) return table;
            }
            return ReadOnlySpan<byte>.Empty;
        }

        public ReadOnlySpan<byte> ReadTable(ulong address)
        {
            if (address == 0) return ReadOnlySpan<byte>.Empty;
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(_read(address, HeaderLength).Slice(4));
            if (length < HeaderLength || length > 1 << 24) return ReadOnlySpan<byte>.Empty;
            ReadOnlySpan<byte> table = _read(address, (int)length);
            return Checksum(table) == 0 ? table : ReadOnlySpan<byte>.Empty;
        }

        ulong[] ReadRootTable(byte[] rsdp)
        {
            if (rsdp == null || rsdp.Length < 20 || !HasSignature(rsdp, "RSD PTR ") || Checksum(new ReadOnlySpan<byte>(rsdp, 0, 20)) != 0)
                return new ulong[0];
            bool extended = rsdp[15] >= 2 && rsdp.Length >= 36;
            // Revision 2+ adds an extended checksum over all 36 bytes; a pointer it does not vouch for is not followed.
            if (extended && Checksum(new ReadOnlySpan<byte>(rsdp, 0, 36)) != 0) return new ulong[0];
            ulong rootAddress = extended
                ? BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(rsdp, 24, 8))
                : BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(rsdp, 16, 4));
            ReadOnlySpan<byte> root = ReadTable(rootAddress);
            if (root.IsEmpty) return new ulong[0];
            int entrySize = extended ? 8 : 4;
            var tables = new ulong[(root.Length - HeaderLength) / entrySize];
            for (int i = 0; i < tables.Length; i++)
            {
                ReadOnlySpan<byte> entry = root.Slice(HeaderLength + i * entrySize);
                tables[i] = extended ? BinaryPrimitives.ReadUInt64LittleEndian(entry) : BinaryPrimitives.ReadUInt32LittleEndian(entry);
            }
            return tables;
        }

        internal static bool HasSignature(ReadOnlySpan<byte> table, string signature)
        {
            if (table.Length < signature.Length) return false;
            for (int i = 0; i < signature.Length; i++)
                if (table[i] != (byte)signature[i]) return false;
            return true;
        }

        static byte Checksum(ReadOnlySpan<byte> bytes)
        {
            byte sum = 0;
            for (int i = 0; i < bytes.Length; i++) sum += bytes[i];
            return sum;
        }
    }
}
