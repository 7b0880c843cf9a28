namespace Cosmos.Kernel.Memory.Regions
{
    // The user half of one process's page table, as its address space edits it: the kernel's wraps Memory/PageTable
    // and keeps the TLB in step with every change; the host tests' is a dictionary.
    public interface IUserPageTable
    {
        // What CR3 holds while the process runs.
        ulong RootAddress { get; }

        // Maps the page at `address` to `frame`; false, with nothing changed, when no memory is left for a table.
        bool Map(ulong address, ulong frame, PageAttributes attributes);

        // Unmaps the page at `address` (which must be mapped) and returns its frame.
        ulong Unmap(ulong address);

        // Changes the attributes of the mapped page at `address`.
        void Protect(ulong address, PageAttributes attributes);

        // The frame the page at `address` is mapped to, if it is.
        bool TryQuery(ulong address, out ulong frame);

        // The first mapped page at or above `from` and below `end`, or `end`: in time proportional to what is mapped,
        // not to the size of the range (a region may be vast and almost empty).
        ulong NextMapped(ulong from, ulong end);

        // Frees the tables. Every page must have been unmapped.
        void Destroy();
    }
}
