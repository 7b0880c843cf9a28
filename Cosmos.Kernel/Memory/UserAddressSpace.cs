using Cosmos.Kernel.Memory.Regions;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Memory
{
    // A process's user half: a sorted set of regions (Memory/Regions) that say what each address may hold and where a
    // missing page comes from, and the page table that holds the pages present now. This file changes the regions
    // (mmap, munmap, mprotect, msync, the kernel's own regions); pages are made when first touched (demand paging), by
    // the page-fault handler (UserAddressSpace.Paging.cs) or by a user copy (UserAddressSpace.Copy.cs).
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
                MemoryRegion region = NewMapping(start, size, protection, shared, anonymous ? null : file, offset);
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

        // The region mmap makes at [start, start + size): anonymous when `file` is null. A file's regions count a
        // mapping of its shared pages as they are made, so that the pages cannot go before the region is in place.
        MemoryRegion NewMapping(ulong start, ulong size, MemoryProtection protection, bool shared, IMappedFile file, ulong offset)
        {
            ulong end = start + size;
            if (file == null)
                return shared ? new SharedRegion(start, end, protection, SharedMemoryObject.CreateAnonymous(_frames, size / PageSize), 0, writable: true)
                              : new AnonymousRegion(start, end, protection, "anonymous memory");
            SharedMemoryObject pages = SharedMemoryObject.ForFile(_frames, file, (offset + size) / PageSize);
            return shared ? new SharedRegion(start, end, protection, pages, offset / PageSize, file.CanWrite)
                          : new FileBackedRegion(start, end, protection, file, pages, offset / PageSize);
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

        // The end of the region holding `address`, or 0 when none does (how far a collector scans a stack up from its
        // stack pointer).
        public ulong RegionEndAt(ulong address)
        {
            EnterReading();
            MemoryRegion region = _regions.Find(address);
            ExitReading();
            return region == null ? 0 : region.End;
        }

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
