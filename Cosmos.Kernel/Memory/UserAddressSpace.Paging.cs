using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Memory
{
    // Making pages (docs/memory-regions.md): the page-fault handler's way in (ResolveFault), and what it shares with
    // user copies and Load: a missing page is made from its region's source and mapped with the entry the region
    // allows; a write to a copy-on-write page maps a private copy in its place. All under the write lock.
    public sealed partial class UserAddressSpace
    {
        // How a guard region describes itself: faults in one are reported as a stack overflow.
        public const string StackGuardDescription = "stack guard";

        // What the page-fault handler does with a fault at `address` in user mode: makes the missing page if the
        // region there allows the access (true: the program carries on), or describes why it may not.
        public bool ResolveFault(ulong address, MemoryProtection access, out string violation)
        {
            violation = null;
            ulong page = address & ~(PageSize - 1);
            _lock.EnterWrite();
            try
            {
                MemoryRegion region = IsUserRange(address, 1) ? _regions.Find(address) : null;
                if (region == null)
                {
                    violation = "no mapping there";
                    return false;
                }
                if (!Allows(region.Protection, access))
                {
                    violation = region.Description == StackGuardDescription
                        ? "stack overflow (the guard page below the stack)"
                        : "the " + region.ToString() + " does not allow it";
                    return false;
                }
                if (MakeAccessible(region, page, access) != 0) return true;
                violation = "out of memory for the page";
                return false;
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // Whether a region with `protection` allows `access`. x86-64 pages that can be used at all can be read.
        static bool Allows(MemoryProtection protection, MemoryProtection access)
            => protection != MemoryProtection.None && (protection & access & ~MemoryProtection.Read) == (access & ~MemoryProtection.Read);

        // PROT_NONE pages stay present for the kernel only: every user access faults and the data is kept.
        static PageAttributes AttributesFor(MemoryProtection protection)
        {
            if (protection == MemoryProtection.None) return PageAttributes.ReadOnly;
            PageAttributes attributes = PageAttributes.User;
            if ((protection & MemoryProtection.Write) != 0) attributes |= PageAttributes.Writable;
            if ((protection & MemoryProtection.Execute) != 0) attributes |= PageAttributes.Executable;
            return attributes;
        }

        // What the entry of `frame` at `page` of `region` allows: the region's protection, less writing while the frame
        // is shared until written.
        static PageAttributes AttributesFor(MemoryRegion region, ulong page, ulong frame)
        {
            PageAttributes attributes = AttributesFor(region.Protection);
            return region.CopiesOnWrite(page, frame) ? attributes & ~PageAttributes.Writable : attributes;
        }

        // Makes the page at `page` of `region` ready for `access` whatever the region's protection (the caller has
        // checked it): present, and for a write a frame the region owns (a copy-on-write page is copied here). Its
        // entry is written afresh either way, which also drops a stale TLB entry. The frame, or 0 when memory ran out.
        // Write lock held.
        ulong MakeAccessible(MemoryRegion region, ulong page, MemoryProtection access)
        {
            if (!_table.TryQuery(page, out ulong frame)) return MakePresent(region, page, access);
            if ((access & MemoryProtection.Write) == 0 || !region.CopiesOnWrite(page, frame))
            {
                _table.Protect(page, AttributesFor(region, page, frame));
                return frame;
            }
            ulong copy = region.ProvideFrame(page, MemoryProtection.Write, _frames);
            if (copy == 0) return 0;
            _table.Unmap(page);                             // the shared frame stays its object's
            ResidentPages--;
            if (_table.Map(page, copy, AttributesFor(region, page, copy)))
            {
                ResidentPages++;
                return copy;
            }
            _frames.Free(copy);                             // the page is missing again: the next touch retries
            return 0;
        }

        // Maps the page at `page` of `region` (not present) to the frame the region provides for a first `access`.
        // The frame, or 0 when memory ran out. Write lock held.
        ulong MakePresent(MemoryRegion region, ulong page, MemoryProtection access)
        {
            ulong frame = region.ProvideFrame(page, access, _frames);
            if (frame == 0) return 0;
            if (!_table.Map(page, frame, AttributesFor(region, page, frame)))
            {
                if (region.Owns(page, frame)) _frames.Free(frame);
                return 0;
            }
            ResidentPages++;
            return frame;
        }
    }
}
