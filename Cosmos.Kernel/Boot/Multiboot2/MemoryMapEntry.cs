namespace Cosmos.Kernel.Boot.Multiboot2
{
    // One entry of the firmware's physical memory map, as GRUB reports it (multiboot2 tag 6).
    public readonly struct MemoryMapEntry
    {
        public MemoryMapEntry(ulong baseAddress, ulong length, MemoryRegionKind kind)
        {
            BaseAddress = baseAddress;
            Length = length;
            Kind = kind;
        }

        public ulong BaseAddress { get; }
        public ulong Length { get; }
        public MemoryRegionKind Kind { get; }

        // Exclusive; saturates so that an entry reaching the top of the address space does not wrap.
        public ulong EndAddress => Length > ulong.MaxValue - BaseAddress ? ulong.MaxValue : BaseAddress + Length;
    }

    public enum MemoryRegionKind : uint
    {
        Available = 1,
        Reserved = 2,
        AcpiReclaimable = 3,
        AcpiNvs = 4,
        Defective = 5,
    }
}
