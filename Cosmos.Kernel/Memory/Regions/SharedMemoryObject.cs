using System;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Memory.Regions
{
    // Pages that several mappings share, each page's frame made (zeroed, or filled from the file) when first touched
    // through any of them. Three kinds: a shared memory object of shm_create (lives until deleted and unmapped), the
    // pages of a file (its shared mappings write them, its private mappings read them until they copy; written back
    // into the file by msync and when the last mapping goes), and shared anonymous memory (lives as long as its
    // mappings). Every object's frames go back to the allocator with its last mapping
    // once it can gain no new one.
    //
    // Objects are shared by processes, each under its own address-space lock, so one mutex guards every object's
    // frames and mapping count (and the link between a file and its shared pages). Lock order: an address space,
    // then this, then the file system.
    public sealed class SharedMemoryObject
    {
        static readonly Mutex s_lock = new Mutex();

        readonly IPhysicalFrames _frames;
        readonly IMappedFile _file;       // null unless the object holds a file's pages
        ulong[] _frameOf;                 // by page; 0 until touched
        bool[] _writable;                 // by page: made present writable, or made writable, through a mapping
        int _mappings;
        bool _closed;                     // no new mapping may be made

        SharedMemoryObject(IPhysicalFrames frames, ulong pages, MemoryProtection protection, IMappedFile file, bool closed, int mappings)
        {
            _frames = frames;
            _frameOf = new ulong[pages];
            _writable = new bool[pages];
            Protection = protection;
            _file = file;
            _closed = closed;
            _mappings = mappings;
        }

        // shm_create's object: `pages` zeroed pages that every shm_map maps with `protection`, until Delete.
        public static SharedMemoryObject Create(IPhysicalFrames frames, ulong pages, MemoryProtection protection)
            => new SharedMemoryObject(frames, pages, protection, null, closed: false, mappings: 0);

        // MAP_SHARED | MAP_ANONYMOUS: zeroed pages shared only by the mapping made now (counted already) and its parts.
        public static SharedMemoryObject CreateAnonymous(IPhysicalFrames frames, ulong pages)
            => new SharedMemoryObject(frames, pages, MemoryProtection.All, null, closed: true, mappings: 1);

        // The shared pages of `file`, at least `pages` of them, with a mapping added for the region about to be made
        // onto them (so that they cannot go away in between): the file's existing object, or a new one.
        public static SharedMemoryObject ForFile(IPhysicalFrames frames, IMappedFile file, ulong pages)
        {
            s_lock.Lock();
            SharedMemoryObject shared = file.SharedPages;
            if (shared == null)
            {
                shared = new SharedMemoryObject(frames, pages, MemoryProtection.All, file, closed: false, mappings: 0);
                file.SharedPages = shared;
            }
            else if ((ulong)shared._frameOf.Length < pages)
            {
                var grownFrames = new ulong[pages];
                var grownWritable = new bool[pages];
                new Span<ulong>(shared._frameOf).CopyTo(grownFrames);
                new Span<bool>(shared._writable).CopyTo(grownWritable);
                shared._frameOf = grownFrames;
                shared._writable = grownWritable;
            }
            shared._mappings++;
            s_lock.Unlock();
            return shared;
        }

        public ulong Pages => (ulong)_frameOf.Length;
        public MemoryProtection Protection { get; }
        public string Description => _file == null ? "shared memory" : "shared mapping of " + _file.Name;

        // Adds a mapping, unless the object is deleted (false).
        public bool TryAddMapping()
        {
            s_lock.Lock();
            bool open = !_closed;
            if (open) _mappings++;
            s_lock.Unlock();
            return open;
        }

        // No new mappings from now on; the frames go with the last existing one (now, if there is none).
        public void Delete()
        {
            s_lock.Lock();
            _closed = true;
            if (_mappings == 0) FreeFrames();
            s_lock.Unlock();
        }

        // One more region onto the object: a part split off a region already counted.
        internal void AddMapping()
        {
            s_lock.Lock();
            _mappings++;
            s_lock.Unlock();
        }

        internal void RemoveMapping()
        {
            s_lock.Lock();
            if (--_mappings == 0)
            {
                if (_file != null)
                {
                    WriteBackLocked(0, Pages);
                    _file.SharedPages = null;
                    _closed = true;
                }
                if (_closed) FreeFrames();
            }
            s_lock.Unlock();
        }

        // The frame of `page`, made now if it is the first touch, for a mapping that may write it or not; 0 when
        // memory has run out.
        internal ulong FrameAt(ulong page, bool writable)
        {
            s_lock.Lock();
            _writable[page] |= writable;
            ulong frame = _frameOf[page];
            if (frame == 0)
            {
                frame = _frames.AllocateZeroed();
                if (frame != 0 && _file != null) _file.Read((long)(page * MemoryRegion.PageSize), _frames.Bytes(frame));
                _frameOf[page] = frame;
            }
            s_lock.Unlock();
            return frame;
        }

        // The frame of `page` if it has been made, else 0.
        internal ulong FrameIfMade(ulong page)
        {
            s_lock.Lock();
            ulong frame = page < Pages ? _frameOf[page] : 0;
            s_lock.Unlock();
            return frame;
        }

        // Pages [first, end) may be written from now on (mprotect added PROT_WRITE to a mapping of them).
        internal void MarkWritable(ulong first, ulong end)
        {
            s_lock.Lock();
            for (ulong page = first; page < end && page < Pages; page++) _writable[page] = true;
            s_lock.Unlock();
        }

        // Writes the pages among [first, end) that a mapping could write back into the file, up to its end and no
        // further. Pages only ever read are left alone, so that they cannot put back bytes older than a write() to
        // the file. (Without dirty bits, a page mapped writable is written back even if it was never written.)
        internal void WriteBack(ulong first, ulong end)
        {
            s_lock.Lock();
            WriteBackLocked(first, end);
            s_lock.Unlock();
        }

        void WriteBackLocked(ulong first, ulong end)
        {
            if (_file == null) return;
            long length = _file.Length;
            for (ulong page = first; page < end && page < Pages; page++)
            {
                long offset = (long)(page * MemoryRegion.PageSize);
                if (_frameOf[page] == 0 || !_writable[page] || offset >= length) continue;
                int count = (int)Math.Min((long)MemoryRegion.PageSize, length - offset);
                _file.Write(offset, _frames.Bytes(_frameOf[page]).Slice(0, count));
            }
        }

        void FreeFrames()
        {
            for (int page = 0; page < _frameOf.Length; page++)
            {
                if (_frameOf[page] != 0) _frames.Free(_frameOf[page]);
                _frameOf[page] = 0;
                _writable[page] = false;
            }
        }
    }
}
