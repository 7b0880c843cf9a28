using Cosmos.Kernel.Memory.Regions;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Memory
{
    // A process's user half: a sorted set of regions (Memory/Regions) that say what each address may hold and where a
    // missing page comes from, and the page table that holds the pages present now. Pages are made when first touched
    // (demand paging), by the page-fault handler or by a user copy (UserAddressSpace.Copy.cs).
    //
    // The region set is guarded by a reader-writer lock, not by anything of the process: copies and pointer checks
    // take it to read, so concurrent system calls that only use user memory never wait for each other; changing the
    // regions, and making a missing page, take it to write (docs/memory-regions.md).
    public sealed partial class UserAddressSpace
    {
        public const ulong PageSize = PageTable.PageSize;
        public const ulong UserStart = 0x1000;                    // page 0 stays unmapped: null dereferences fault
        public const ulong UserEnd = 0x0000_8000_0000_0000;
        // Where the kernel places mmap'd memory when the program leaves it the choice, upwards, far from programs
        // (linked at 4 MiB) and stacks (at the top).
        public const ulong MappingBase = 0x0000_1000_0000_0000;
        // Where the stacks of threads after the first are placed, upwards.
        public const ulong ThreadStackBase = 0x0000_6000_0000_0000;

        const int SyncAsynchronous = 1, SyncInvalidate = 2, SyncSynchronous = 4;

        readonly IUserPageTable _table;
        readonly IPhysicalFrames _frames;
        readonly RwLock _lock = new RwLock();
        readonly RegionSet _regions = new RegionSet();
        readonly bool _readersExclusive;

        // readersExclusive: pointer checks and copies take the lock as writers too, as if one lock guarded the whole
        // process; only for the benchmark that measures what the reader-writer lock buys (docs/benchmarks/regions.md).
        public UserAddressSpace(IUserPageTable table, IPhysicalFrames frames, bool readersExclusive = false)
        {
            _table = table;
            _frames = frames;
            _readersExclusive = readersExclusive;
        }

        // What CR3 holds while a thread of this process runs.
        public ulong RootAddress => _table.RootAddress;

        // Pages present now, shared ones included. Changed under the write lock.
        public ulong ResidentPages { get; private set; }

        public int RegionCount => _regions.Count;

        public static bool IsUserRange(ulong address, ulong length)
            => address >= UserStart && address < UserEnd && length <= UserEnd - address;

        static ulong RoundUp(ulong length) => (length + PageSize - 1) & ~(PageSize - 1);

        // mmap (docs/syscalls.md, "Memory mappings"): `file` is null for anonymous memory. The address of the new
        // mapping, or why there is none (nothing changed then).
        public Errno Map(ulong address, ulong length, MemoryProtection protection, MappingFlags flags, IMappedFile file,
                         ulong offset, out ulong mapped)
        {
            mapped = 0;
            MappingFlags sharing = flags & (MappingFlags.Shared | MappingFlags.Private);
            MappingFlags placement = flags & (MappingFlags.Fixed | MappingFlags.FixedNoReplace);
            bool anonymous = (flags & MappingFlags.Anonymous) != 0;
            if (length == 0 || (flags & ~MappingFlags.Known) != 0 || (protection & ~MemoryProtection.All) != 0) return Errno.EINVAL;
            if (sharing == 0 || sharing == (MappingFlags.Shared | MappingFlags.Private)) return Errno.EINVAL;
            if (placement != 0 && (address == 0 || address % PageSize != 0)) return Errno.EINVAL;
            if (!anonymous && offset % PageSize != 0) return Errno.EINVAL;
            Errno error = CheckProtection(protection);
            if (error != Errno.None) return error;
            if (length > UserEnd) return Errno.ENOMEM;
            ulong size = RoundUp(length);
            if (placement != 0 && !IsUserRange(address, size)) return Errno.ENOMEM;
            bool shared = sharing == MappingFlags.Shared;
            if (!anonymous)
            {
                error = CheckFileMapping(file, shared, protection, offset, size);
                if (error != Errno.None) return error;
            }

            _lock.EnterWrite();
            try
            {
                // MAP_FIXED_NOREPLACE wins over MAP_FIXED: never evict what the program did not mean to.
                bool replace = placement == MappingFlags.Fixed;
                if (placement != 0 && !replace && !_regions.IsFree(address, address + size)) return Errno.EEXIST;
                ulong start = address;
                if (placement == 0 && !IsFreeHint(address, size) && !_regions.TryFindGap(size, MappingBase, UserEnd, out start))
                    return Errno.ENOMEM;
                MemoryRegion region = anonymous && !shared ? new AnonymousRegion(start, start + size, protection, "anonymous memory")
                                    : anonymous ? new SharedRegion(start, start + size, protection, SharedMemoryObject.CreateAnonymous(_frames, size / PageSize), 0, true)
                                    : shared ? new SharedRegion(start, start + size, protection,
                                                                SharedMemoryObject.ForFile(_frames, file, (offset + size) / PageSize), offset / PageSize, file.CanWrite)
                                    : new FileBackedRegion(start, start + size, protection, file,
                                                           SharedMemoryObject.ForFile(_frames, file, (offset + size) / PageSize), offset / PageSize);
                if (replace) RemoveLocked(start, start + size);
                _regions.Insert(region);
                mapped = start;
                return Errno.None;
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // shm_map: the whole of `shared`, where the kernel chooses. ENOENT when the object takes no new mappings.
        public Errno MapShared(SharedMemoryObject shared, out ulong mapped)
        {
            mapped = 0;
            ulong size = shared.Pages * PageSize;
            _lock.EnterWrite();
            try
            {
                if (!_regions.TryFindGap(size, MappingBase, UserEnd, out ulong start)) return Errno.ENOMEM;
                if (!shared.TryAddMapping()) return Errno.ENOENT;
                // The object's protection is all a mapping of it may ever have: mprotect cannot add write to a
                // read-only object.
                _regions.Insert(new SharedRegion(start, start + size, shared.Protection, shared, 0,
                                                 writable: (shared.Protection & MemoryProtection.Write) != 0));
                mapped = start;
                return Errno.None;
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // Adds a region the kernel made (a program's segment, a stack): EEXIST if anything is mapped there.
        public Errno Add(MemoryRegion region)
        {
            if (region.Start % PageSize != 0 || region.End % PageSize != 0 || !IsUserRange(region.Start, region.End - region.Start))
                return Errno.EINVAL;
            _lock.EnterWrite();
            try
            {
                if (!_regions.IsFree(region.Start, region.End)) return Errno.EEXIST;
                _regions.Insert(region);
                return Errno.None;
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // A stack of `length` bytes (whole pages) for a new thread, above a one-page guard region that reports running
        // into it as a stack overflow: the range [start, end) both take, end being the stack's top.
        public Errno MapStack(ulong length, out ulong start, out ulong end)
        {
            start = end = 0;
            if (length == 0 || length > UserEnd) return Errno.EINVAL;
            ulong size = RoundUp(length) + PageSize;
            _lock.EnterWrite();
            try
            {
                if (!_regions.TryFindGap(size, ThreadStackBase, UserEnd, out start)) return Errno.ENOMEM;
                end = start + size;
                _regions.Insert(new AnonymousRegion(start, start + PageSize, MemoryProtection.None, StackGuardDescription));
                _regions.Insert(new AnonymousRegion(start + PageSize, end, MemoryProtection.Read | MemoryProtection.Write, "thread stack"));
                return Errno.None;
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // munmap: everything in the pages the range touches, splitting regions that stick out.
        public Errno Unmap(ulong address, ulong length)
        {
            if (length == 0) return Errno.EINVAL;
            ulong start = address & ~(PageSize - 1);
            if (length > UserEnd || address - start > UserEnd - length) return Errno.EINVAL;
            ulong size = RoundUp(length + (address - start));
            if (!IsUserRange(start, size)) return Errno.EINVAL;
            _lock.EnterWrite();
            RemoveLocked(start, start + size);
            _lock.ExitWrite();
            return Errno.None;
        }

        // mprotect: every page of the range must be mapped (ENOMEM) and allow the protection (EACCES), or nothing
        // changes; regions covered in part are split.
        public Errno Protect(ulong address, ulong length, MemoryProtection protection)
        {
            if (length == 0 || address % PageSize != 0 || (protection & ~MemoryProtection.All) != 0) return Errno.EINVAL;
            Errno error = CheckProtection(protection);
            if (error != Errno.None) return error;
            ulong size = RoundUp(length);
            if (length > UserEnd || !IsUserRange(address, size)) return Errno.ENOMEM;
            ulong end = address + size;
            _lock.EnterWrite();
            try
            {
                if (!_regions.Covers(address, end)) return Errno.ENOMEM;
                for (int index = _regions.IndexAfter(address); index < _regions.Count && _regions[index].Start < end; index++)
                {
                    error = _regions[index].Permits(protection);
                    if (error != Errno.None) return error;
                }
                _regions.Isolate(address, end, out int first, out int last);
                for (int index = first; index < last; index++)
                {
                    MemoryRegion region = _regions[index];
                    region.Protection = protection;
                    if ((protection & MemoryProtection.Write) != 0) region.MadeWritable(region.Start, region.End);
                    for (ulong page = _table.NextMapped(region.Start, region.End); page < region.End; page = _table.NextMapped(page + PageSize, region.End))
                    {
                        _table.TryQuery(page, out ulong frame);
                        _table.Protect(page, AttributesFor(region, page, frame));
                    }
                }
                return Errno.None;
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // msync: writes shared file pages in the range back to their files.
        public Errno Sync(ulong address, ulong length, int flags)
        {
            bool asynchronous = (flags & SyncAsynchronous) != 0, synchronous = (flags & SyncSynchronous) != 0;
            if ((flags & ~(SyncAsynchronous | SyncInvalidate | SyncSynchronous)) != 0 || (asynchronous && synchronous)
                || address % PageSize != 0)
                return Errno.EINVAL;
            ulong size = RoundUp(length);
            if (length > UserEnd || !IsUserRange(address, size)) return Errno.ENOMEM;
            ulong end = address + size;
            EnterReading();
            try
            {
                if (!_regions.Covers(address, end)) return Errno.ENOMEM;
                for (int index = _regions.IndexAfter(address); index < _regions.Count && _regions[index].Start < end; index++)
                {
                    MemoryRegion region = _regions[index];
                    region.WriteBack(System.Math.Max(address, region.Start), System.Math.Min(end, region.End));
                }
                return Errno.None;
            }
            finally
            {
                ExitReading();
            }
        }

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

        // The end of the region holding `address`, or 0 when none does (how far a collector scans a stack up from its
        // stack pointer).
        public ulong RegionEndAt(ulong address)
        {
            EnterReading();
            MemoryRegion region = _regions.Find(address);
            ExitReading();
            return region == null ? 0 : region.End;
        }

        // How a guard region describes itself: faults in one are reported as a stack overflow.
        public const string StackGuardDescription = "stack guard";

        // Unmaps every region and frees the tables. The address space must not be active on any processor.
        public void Destroy()
        {
            _lock.EnterWrite();
            RemoveLocked(UserStart, UserEnd);
            _table.Destroy();
            _lock.ExitWrite();
        }

        void EnterReading()
        {
            if (_readersExclusive) _lock.EnterWrite();
            else _lock.EnterRead();
        }

        void ExitReading()
        {
            if (_readersExclusive) _lock.ExitWrite();
            else _lock.ExitRead();
        }

        // Whether mmap's hint is a free range the mapping can take as it is. Lock held.
        bool IsFreeHint(ulong address, ulong size)
            => address % PageSize == 0 && IsUserRange(address, size) && _regions.IsFree(address, address + size);

        static Errno CheckProtection(MemoryProtection protection)
            => (protection & (MemoryProtection.Write | MemoryProtection.Execute)) == (MemoryProtection.Write | MemoryProtection.Execute)
               ? Errno.EACCES      // no page is ever writable and executable at once
               : Errno.None;

        static Errno CheckFileMapping(IMappedFile file, bool shared, MemoryProtection protection, ulong offset, ulong size)
        {
            if (!file.CanRead || (shared && (protection & MemoryProtection.Write) != 0 && !file.CanWrite)) return Errno.EACCES;
            // The mapping may reach the end of the page that holds the file's last byte, no further.
            ulong limit = RoundUp((ulong)file.Length);
            return offset > limit || size > limit - offset ? Errno.EOVERFLOW : Errno.None;
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

        // Removes whatever lies in [start, end): splits regions that stick out, unmaps the pages (freeing the frames
        // the regions own) and lets the regions go. Write lock held.
        void RemoveLocked(ulong start, ulong end)
        {
            _regions.Isolate(start, end, out int first, out int last);
            for (int index = first; index < last; index++)
            {
                MemoryRegion region = _regions[index];
                for (ulong page = _table.NextMapped(region.Start, region.End); page < region.End; page = _table.NextMapped(page + PageSize, region.End))
                {
                    ulong frame = _table.Unmap(page);
                    if (region.Owns(page, frame)) _frames.Free(frame);
                    ResidentPages--;
                }
                region.Released();
            }
            _regions.RemoveRange(first, last - first);
        }
    }
}
