namespace Cosmos.Kernel.Memory
{
    // The page-frame allocator's counters, in pages. Always exact: Free + Allocated + Reserved + Modules = Total.
    public readonly struct PhysicalMemoryStatistics
    {
        public PhysicalMemoryStatistics(ulong total, ulong free, ulong reserved, ulong modules)
        {
            TotalPages = total;
            FreePages = free;
            ReservedPages = reserved;
            ModulePages = modules;
        }

        public ulong TotalPages { get; }
        public ulong FreePages { get; }
        public ulong ReservedPages { get; }
        public ulong ModulePages { get; }
        public ulong AllocatedPages => TotalPages - FreePages - ReservedPages - ModulePages;

        public override string ToString()
            => "total=" + TotalPages.ToString() + " free=" + FreePages.ToString() + " allocated=" + AllocatedPages.ToString()
               + " reserved=" + ReservedPages.ToString() + " modules=" + ModulePages.ToString() + " (pages of 4 KiB)";
    }
}
