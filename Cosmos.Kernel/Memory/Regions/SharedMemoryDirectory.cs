using System.Collections.Generic;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Memory.Regions
{
    // The shared memory objects of shm_create, by key, and who may use them (docs/syscalls.md, "Shared memory").
    // Keys are 64-bit numbers from a random source, so a process cannot find an object by trying keys; and even with
    // the key, mapping or deleting needs the right: the creator's, one granted, or one inherited from the parent at
    // spawn when the object was created inheritable. An object no process has a right to any more is deleted (its
    // pages go with its last mapping), so none outlives everyone who could delete it.
    public sealed class SharedMemoryDirectory
    {
        public const int InheritFlag = 1;   // SHM_INHERIT

        readonly IPhysicalFrames _frames;
        readonly IRandomSource _random;
        readonly Mutex _lock = new Mutex();
        readonly List<Entry> _entries = new List<Entry>();

        public SharedMemoryDirectory(IPhysicalFrames frames, IRandomSource random)
        {
            _frames = frames;
            _random = random;
        }

        // Objects not deleted yet.
        public int Count => _entries.Count;

        public Errno Create(ulong length, MemoryProtection protection, int flags, int creator, out ulong key)
        {
            key = 0;
            if (length == 0 || (protection & ~MemoryProtection.All) != 0 || (flags & ~InheritFlag) != 0) return Errno.EINVAL;
            if ((protection & (MemoryProtection.Write | MemoryProtection.Execute)) == (MemoryProtection.Write | MemoryProtection.Execute))
                return Errno.EACCES;
            if (length > UserAddressSpace.UserEnd) return Errno.ENOMEM;
            var entry = new Entry(SharedMemoryObject.Create(_frames, (length + MemoryRegion.PageSize - 1) / MemoryRegion.PageSize, protection),
                                  (flags & InheritFlag) != 0);
            entry.Holders.Add(creator);
            _lock.Lock();
            do entry.Key = _random.Next();
            while (entry.Key == 0 || IndexOf(entry.Key) >= 0);
            _entries.Add(entry);
            _lock.Unlock();
            key = entry.Key;
            return Errno.None;
        }

        // The object `process` may map under `key`; null unless it may.
        public Errno Open(ulong key, int process, out SharedMemoryObject shared)
        {
            _lock.Lock();
            Errno error = Find(key, process, out Entry entry);
            _lock.Unlock();
            shared = error == Errno.None ? entry.Object : null;
            return error;
        }

        // No new mappings; the pages go with the last existing one.
        public Errno Delete(ulong key, int process)
        {
            _lock.Lock();
            Errno error = Find(key, process, out Entry entry);
            if (error == Errno.None) Remove(entry);
            _lock.Unlock();
            return error;
        }

        // Gives `grantee` the right to `key`, which `granter` must have. Whether grantee is a live process is the
        // caller's to check (ESRCH).
        public Errno Grant(ulong key, int granter, int grantee)
        {
            _lock.Lock();
            Errno error = Find(key, granter, out Entry entry);
            if (error == Errno.None && !entry.Holders.Contains(grantee)) entry.Holders.Add(grantee);
            _lock.Unlock();
            return error;
        }

        // A child spawned by `parent` gets its rights to inheritable objects.
        public void Inherit(int parent, int child)
        {
            _lock.Lock();
            foreach (Entry entry in _entries)
                if (entry.Inheritable && entry.Holders.Contains(parent)) entry.Holders.Add(child);
            _lock.Unlock();
        }

        // `process` has ended: its rights go, and objects nobody has a right to any more are deleted.
        public void Forget(int process)
        {
            _lock.Lock();
            for (int index = _entries.Count - 1; index >= 0; index--)
            {
                Entry entry = _entries[index];
                entry.Holders.Remove(process);
                if (entry.Holders.Count == 0) Remove(entry);
            }
            _lock.Unlock();
        }

        Errno Find(ulong key, int process, out Entry entry)
        {
            int index = IndexOf(key);
            entry = index < 0 ? null : _entries[index];
            if (entry == null) return Errno.ENOENT;
            return entry.Holders.Contains(process) ? Errno.None : Errno.EACCES;
        }

        int IndexOf(ulong key)
        {
            for (int index = 0; index < _entries.Count; index++)
                if (_entries[index].Key == key) return index;
            return -1;
        }

        void Remove(Entry entry)
        {
            _entries.Remove(entry);
            entry.Object.Delete();
        }

        sealed class Entry
        {
            public Entry(SharedMemoryObject shared, bool inheritable)
            {
                Object = shared;
                Inheritable = inheritable;
            }

            public ulong Key;
            public SharedMemoryObject Object { get; }
            public bool Inheritable { get; }
            public List<int> Holders { get; } = new List<int>();
        }
    }
}
