namespace Cosmos.Kernel.Memory
{
    // Where one page (4 KiB, or a 2 MiB large page) of virtual memory leads: the physical address of the byte the
    // queried address translates to, and the mapping's attributes.
    public readonly struct PageMapping
    {
        public PageMapping(ulong physicalAddress, PageAttributes attributes, ulong pageSize)
        {
            PhysicalAddress = physicalAddress;
            Attributes = attributes;
            PageSize = pageSize;
        }

        public ulong PhysicalAddress { get; }
        public PageAttributes Attributes { get; }
        public ulong PageSize { get; }
    }
}
