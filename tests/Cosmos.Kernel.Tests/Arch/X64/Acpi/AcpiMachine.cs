using Cosmos.Kernel.Arch.X64.Acpi;

namespace Cosmos.Kernel.Tests.Arch.X64.Acpi
{
    // A machine's ACPI tables laid out in synthetic physical memory, and the RSDP copy that leads to them (what GRUB
    // hands over in the multiboot2 ACPI tag). Tables go one after another from a low address unless placed explicitly.
    public sealed class AcpiMachine
    {
        ulong _next = 0x000E_1000;

        public SyntheticPhysicalMemory Memory { get; } = new SyntheticPhysicalMemory();

        public ulong Place(byte[] table)
        {
            ulong address = Memory.Place(_next, table);
            _next = (_next + (ulong)table.Length + 15) & ~15UL;
            return address;
        }

        public ulong PlaceAt(ulong address, byte[] table) => Memory.Place(address, table);

        // ACPI 1.0: an RSDT listing the tables.
        public byte[] RsdpV1(params ulong[] tables) => AcpiTableBuilder.RsdpV1((uint)Place(AcpiTableBuilder.Rsdt(tables)));

        // ACPI 2.0+: an XSDT listing the tables, and an RSDT listing rsdtTables (what a 1.0 OS would see).
        public byte[] RsdpV2(ulong[] xsdtTables, ulong[] rsdtTables = null, byte revision = 2)
        {
            ulong rsdt = Place(AcpiTableBuilder.Rsdt(rsdtTables ?? new ulong[0]));
            ulong xsdt = Place(AcpiTableBuilder.Xsdt(xsdtTables));
            return AcpiTableBuilder.RsdpV2((uint)rsdt, xsdt, revision);
        }

        public AcpiTables Tables(byte[] rsdp) => new AcpiTables(rsdp, Memory.Reader);
    }
}
