using System;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Memory
{
    // Copies between the kernel and a process's memory (docs/memory-regions.md, "User copies"). The kernel reaches user
    // pages through their frames, never through user addresses, so a copy works whichever address space is active and
    // a bad pointer is a failed check, not a fault: false, which system calls return as EFAULT. A copy first checks,
    // under the read lock, that regions allowing the access cover the whole range (so a bad one changes nothing),
    // then copies page by page; at a page not present yet (or, for a write, one shared until written) it drops the read
    // lock, makes the page (or its private copy) under the write lock, checking again, and carries on from the first
    // byte not yet copied.
    public sealed partial class UserAddressSpace
    {
        // Whether the process may read, or write, `length` bytes at `address` (checks for calls that copy in pieces).
        public bool CanRead(ulong address, ulong length) => CanAccess(address, length, MemoryProtection.Read);

        public bool CanWrite(ulong address, ulong length) => CanAccess(address, length, MemoryProtection.Write);

        public bool CopyFromUser(ulong address, Span<byte> destination) => Copy(address, destination, toUser: false);

        public bool CopyToUser(ulong address, ReadOnlySpan<byte> source)
        {
            unsafe
            {
                fixed (byte* bytes = source) return Copy(address, new Span<byte>(bytes, source.Length), toUser: true);
            }
        }

        // Writes the contents of pages the kernel made (a program's segments, its initial stack) whatever their
        // protection, read-only text included. The range must lie in regions; false when memory runs out.
        public bool Load(ulong address, ReadOnlySpan<byte> source)
        {
            _lock.EnterWrite();
            try
            {
                if (!IsUserRange(address, (ulong)source.Length) || !_regions.Covers(address, address + (ulong)source.Length))
                    throw new InvalidOperationException("user address space: loading outside every region at 0x" + address.ToString("x"));
                int done = 0;
                while (done < source.Length)
                {
                    ulong at = address + (ulong)done;
                    ulong page = at & ~(PageSize - 1);
                    int chunk = (int)Math.Min((ulong)(source.Length - done), page + PageSize - at);
                    ulong frame = MakeAccessible(_regions.Find(page), page, MemoryProtection.Write);
                    if (frame == 0) return false;
                    source.Slice(done, chunk).CopyTo(_frames.Bytes(frame).Slice((int)(at - page)));
                    done += chunk;
                }
                return true;
            }
            finally
            {
                _lock.ExitWrite();
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
                // One page at a time: the string may end before an unreadable page.
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

        bool CanAccess(ulong address, ulong length, MemoryProtection access)
        {
            EnterReading();
            bool accessible = IsAccessible(address, length, access);
            ExitReading();
            return accessible;
        }

        bool Copy(ulong address, Span<byte> kernel, bool toUser)
        {
            MemoryProtection access = toUser ? MemoryProtection.Write : MemoryProtection.Read;
            int done = 0;
            EnterReading();
            try
            {
                if (!IsAccessible(address, (ulong)kernel.Length, access)) return false;
                while (done < kernel.Length)
                {
                    ulong at = address + (ulong)done;
                    ulong page = at & ~(PageSize - 1);
                    // A missing page, or one shared until written that a write must copy first, is made under the
                    // write lock.
                    if (!_table.TryQuery(page, out ulong frame) || (toUser && _regions.Find(page).CopiesOnWrite(page, frame)))
                    {
                        ExitReading();
                        bool made = ResolveFault(at, access, out _);
                        EnterReading();
                        // The regions may have changed while the lock was free: check the rest again.
                        if (!made || !IsAccessible(at, (ulong)(kernel.Length - done), access)) return false;
                        continue;
                    }
                    int chunk = (int)Math.Min((ulong)(kernel.Length - done), page + PageSize - at);
                    Span<byte> user = _frames.Bytes(frame).Slice((int)(at - page), chunk);
                    if (toUser) kernel.Slice(done, chunk).CopyTo(user);
                    else user.CopyTo(kernel.Slice(done, chunk));
                    done += chunk;
                }
                return true;
            }
            finally
            {
                ExitReading();
            }
        }

        // Whether regions that allow `access` cover [address, address + length). Lock held.
        bool IsAccessible(ulong address, ulong length, MemoryProtection access)
        {
            if (length == 0) return true;
            if (!IsUserRange(address, length)) return false;
            ulong end = address + length, covered = address;
            for (int index = _regions.IndexAfter(address); index < _regions.Count && covered < end; index++)
            {
                MemoryRegion region = _regions[index];
                if (region.Start > covered || !Allows(region.Protection, access)) return false;
                covered = region.End;
            }
            return covered >= end;
        }
    }
}
