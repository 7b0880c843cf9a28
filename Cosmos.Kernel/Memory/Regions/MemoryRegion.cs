namespace Cosmos.Kernel.Memory.Regions
{
    // A run of whole pages of a process's user half with one protection and one source for its pages
    // (docs/memory-regions.md). A region holds no per-page state of its own: which pages are present, and their data,
    // live in the page table, so splitting a region moves no data and cannot lose any. Only the region's description
    // of where a missing page comes from (zeros, a file offset, a page of a shared object) is divided.
    public abstract class MemoryRegion
    {
        public const ulong PageSize = PageTable.PageSize;

        protected MemoryRegion(ulong start, ulong end, MemoryProtection protection)
        {
            Start = start;
            End = end;
            Protection = protection;
        }

        public ulong Start { get; }
        public ulong End { get; private set; }
        public MemoryProtection Protection { get; internal set; }

        // What the region is, for the message that kills a program touching it wrongly.
        public abstract string Description { get; }

        // Whether `frame`, present at `address`, is the region's own (freed when unmapped) rather than a shared
        // object's.
        internal abstract bool Owns(ulong address, ulong frame);

        // Whether `frame`, present at `address`, is shared until written: mapped read-only whatever the region's
        // protection, and replaced by a private copy at the first write.
        internal virtual bool CopiesOnWrite(ulong address, ulong frame) => false;

        // The frame for the page at `address` of this region, for a first `access` (Write makes the page private where
        // the region copies on write); 0 when memory has run out.
        internal abstract ulong ProvideFrame(ulong address, MemoryProtection access, IPhysicalFrames frames);

        // A region of the same kind and protection for [start, end), a part of this one, with its pages from the same
        // source: the same file offsets, the same pages of the same shared object.
        protected abstract MemoryRegion Part(ulong start, ulong end);

        // Errno.None, or why the region's pages may never have `protection` (EACCES: writing a shared mapping of a file
        // opened read-only).
        internal virtual Errno Permits(MemoryProtection protection) => Errno.None;

        // Pages [start, end) of this region may be written from now on: mprotect added PROT_WRITE.
        internal virtual void MadeWritable(ulong start, ulong end)
        {
        }

        // Writes pages [start, end) of this region back to where they came from, if that is a file they share.
        internal virtual void WriteBack(ulong start, ulong end)
        {
        }

        // The region has left its address space for good (unmapped, or the process ended) and its pages are unmapped.
        internal virtual void Released()
        {
        }

        // Splits at `address` (page-aligned, strictly inside): this region keeps the pages below, the returned one
        // has the rest. The new region is made before this one changes.
        internal MemoryRegion SplitAt(ulong address)
        {
            MemoryRegion upper = Part(address, End);
            End = address;
            return upper;
        }

        public bool Contains(ulong address) => address >= Start && address < End;

        public override string ToString()
            => Description + " [0x" + Start.ToString("x") + ", 0x" + End.ToString("x") + ")";
    }
}
