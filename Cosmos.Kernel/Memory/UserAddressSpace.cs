using System;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Memory
{
    // A process's address space: the kernel half shared with every other (KernelAddressSpace), the user half its own,
    // every user page backed by a zeroed frame of its own that goes back to the allocator when the page is unmapped or
    // the address space destroyed. The kernel reaches user memory through the direct map, never through user
    // addresses, so copies work whichever address space is active and a bad user pointer is a failed check, not a
    // fault (docs/syscalls.md: EFAULT).
    //
    // Page-table edits take the write lock, user copies the read lock, so a copy never sees a page vanish under it.
    // Frames and tables come from the page-frame allocator with interrupts off, its lock on one processor.
    public sealed unsafe class UserAddressSpace
    {
        public const ulong PageSize = PageTable.PageSize;
        public const ulong UserStart = 0x1000;                    // page 0 stays unmapped: null dereferences fault
        public const ulong UserEnd = 0x0000_8000_0000_0000;
        // Where the kernel places mmap'd memory when the program leaves it the choice, upwards, far from programs
        // (linked at 4 MiB) and stacks (at the top).
        public const ulong MappingBase = 0x0000_1000_0000_0000;

        readonly PageTable _table;
        readonly RwLock _lock = new RwLock();
        ulong _nextMapping = MappingBase;

        UserAddressSpace(PageTable table)
        {
            _table = table;
        }

        // An empty user half; null when there is no memory for its root table.
        public static UserAddressSpace Create()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            PageTable table = KernelAddressSpace.CreateProcessTable();
            Cpu.RestoreInterrupts(interrupts);
            return table == null ? null : new UserAddressSpace(table);
        }

        // What CR3 holds while a thread of this process runs.
        public ulong RootAddress => _table.RootAddress;

        // User pages mapped now.
        public ulong ResidentPages { get; private set; }

        public static bool IsUserRange(ulong address, ulong length)
            => address >= UserStart && address < UserEnd && length <= UserEnd - address;

        // Maps `pages` zeroed pages at `address` (page-aligned, in the user half, not mapped yet). False, with nothing
        // left mapped, when memory runs out.
        public bool Map(ulong address, ulong pages, PageAttributes attributes)
        {
            if (address % PageSize != 0 || !IsUserRange(address, pages * PageSize))
                throw new ArgumentException("user address space: cannot map " + pages.ToString() + " pages at 0x" + address.ToString("x"));
            _lock.EnterWrite();
            try
            {
                for (ulong page = 0; page < pages; page++)
                {
                    if (MapZeroedPage(address + page * PageSize, attributes | PageAttributes.User)) continue;
                    for (ulong undo = 0; undo < page; undo++) UnmapPage(address + undo * PageSize);
                    return false;
                }
                return true;
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // Maps `pages` zeroed pages where the kernel chooses; returns their address, or 0 when memory runs out.
        public ulong MapAnywhere(ulong pages, PageAttributes attributes)
        {
            if (pages == 0 || pages > (UserEnd - _nextMapping) / PageSize) return 0;
            ulong address = _nextMapping;
            if (!Map(address, pages, attributes)) return 0;
            _nextMapping = address + pages * PageSize;
            return address;
        }

        // Whether any of `pages` pages from `address` is mapped.
        public bool IsAnyMapped(ulong address, ulong pages)
        {
            _lock.EnterRead();
            try
            {
                for (ulong page = 0; page < pages; page++)
                    if (_table.TryQuery(address + page * PageSize, out _)) return true;
                return false;
            }
            finally
            {
                _lock.ExitRead();
            }
        }

        // Unmaps whatever is mapped among `pages` pages from `address` and frees their frames.
        public void Unmap(ulong address, ulong pages)
        {
            _lock.EnterWrite();
            try
            {
                for (ulong page = 0; page < pages; page++)
                {
                    ulong pageAddress = address + page * PageSize;
                    if (_table.TryQuery(pageAddress, out _)) UnmapPage(pageAddress);
                }
            }
            finally
            {
                _lock.ExitWrite();
            }
        }

        // Whether the process may read, or write, `length` bytes at `address` (checks for calls that copy in pieces).
        public bool CanRead(ulong address, ulong length) => CanAccess(address, length, PageAttributes.User);

        public bool CanWrite(ulong address, ulong length) => CanAccess(address, length, PageAttributes.User | PageAttributes.Writable);

        bool CanAccess(ulong address, ulong length, PageAttributes required)
        {
            _lock.EnterRead();
            bool accessible = IsAccessible(address, length, required);
            _lock.ExitRead();
            return accessible;
        }

        // Copies user memory at `address` into `destination`; false (EFAULT), having copied nothing, unless every byte
        // lies in user pages mapped for user access.
        public bool CopyFromUser(ulong address, Span<byte> destination)
        {
            _lock.EnterRead();
            try
            {
                if (!IsAccessible(address, (ulong)destination.Length, PageAttributes.User)) return false;
                Transfer(address, destination, toUser: false);
                return true;
            }
            finally
            {
                _lock.ExitRead();
            }
        }

        // Copies `source` to user memory at `address`; false (EFAULT), having written nothing, unless every byte lies in
        // user pages mapped writable.
        public bool CopyToUser(ulong address, ReadOnlySpan<byte> source)
        {
            _lock.EnterRead();
            try
            {
                if (!IsAccessible(address, (ulong)source.Length, PageAttributes.User | PageAttributes.Writable)) return false;
                fixed (byte* bytes = source) Transfer(address, new Span<byte>(bytes, source.Length), toUser: true);
                return true;
            }
            finally
            {
                _lock.ExitRead();
            }
        }

        // Writes the contents of a program's pages as the loader builds them, whatever their protection (read-only
        // text included). The pages must be mapped.
        public void Load(ulong address, ReadOnlySpan<byte> source)
        {
            _lock.EnterRead();
            try
            {
                if (!IsAccessible(address, (ulong)source.Length, PageAttributes.User))
                    throw new InvalidOperationException("user address space: loading into unmapped memory at 0x" + address.ToString("x"));
                fixed (byte* bytes = source) Transfer(address, new Span<byte>(bytes, source.Length), toUser: true);
            }
            finally
            {
                _lock.ExitRead();
            }
        }

        // Reads a null-terminated string of at most maxLength bytes (ASCII) from user memory; null (EFAULT) when it runs
        // into memory the process cannot read, or past maxLength (too long: the caller's error).
        public string ReadString(ulong address, int maxLength, out bool tooLong)
        {
            tooLong = false;
            var bytes = new byte[maxLength];
            int length = 0;
            while (length < maxLength)
            {
                // One page at a time: the string may end before an unmapped page.
                int chunk = (int)Math.Min((ulong)(maxLength - length), PageSize - (address + (ulong)length) % PageSize);
                if (!CopyFromUser(address + (ulong)length, new Span<byte>(bytes, length, chunk))) return null;
                int end = new Span<byte>(bytes, length, chunk).IndexOf((byte)0);
                if (end >= 0)
                {
                    length += end;
                    var chars = new char[length];
                    for (int i = 0; i < length; i++) chars[i] = (char)bytes[i];
                    return new string(chars);
                }
                length += chunk;
            }
            tooLong = true;
            return null;
        }

        // Unmaps everything and frees the tables. The address space must not be active on any processor.
        public void Destroy()
        {
            _lock.EnterWrite();
            bool interrupts = Cpu.DisableInterruptsSaving();
            _table.DestroySharingUpperHalf();
            ResidentPages = 0;
            Cpu.RestoreInterrupts(interrupts);
            _lock.ExitWrite();
        }

        bool IsAccessible(ulong address, ulong length, PageAttributes required)
        {
            if (length == 0) return true;
            if (!IsUserRange(address, length)) return false;
            for (ulong page = address & ~(PageSize - 1); page < address + length; page += PageSize)
            {
                if (!_table.TryQuery(page, out PageMapping mapping) || (mapping.Attributes & required) != required) return false;
            }
            return true;
        }

        // Copies between the user range at `address` and `kernel`, page by page through the direct map.
        void Transfer(ulong address, Span<byte> kernel, bool toUser)
        {
            int done = 0;
            while (done < kernel.Length)
            {
                ulong at = address + (ulong)done;
                int chunk = (int)Math.Min((ulong)(kernel.Length - done), PageSize - at % PageSize);
                _table.TryQuery(at, out PageMapping mapping);
                var user = new Span<byte>(DirectMap.ToVirtual(mapping.PhysicalAddress), chunk);
                if (toUser) kernel.Slice(done, chunk).CopyTo(user);
                else user.CopyTo(kernel.Slice(done, chunk));
                done += chunk;
            }
        }

        bool MapZeroedPage(ulong address, PageAttributes attributes)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            ulong frame = PhysicalMemory.Allocator.AllocatePage();
            bool mapped = frame != 0 && _table.Map(address, frame, attributes);
            if (mapped)
            {
                new Span<byte>(DirectMap.ToVirtual(frame), (int)PageSize).Clear();
                ResidentPages++;
            }
            else if (frame != 0) PhysicalMemory.Allocator.FreePage(frame);
            Cpu.RestoreInterrupts(interrupts);
            return mapped;
        }

        void UnmapPage(ulong address)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            PhysicalMemory.Allocator.FreePage(_table.Unmap(address));
            ResidentPages--;
            if (Cpu.ReadCr3() == _table.RootAddress) Cpu.InvalidatePage(address);
            Cpu.RestoreInterrupts(interrupts);
        }
    }
}
