using System;
using System.Buffers.Binary;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // mmap, munmap and meminfo (docs/syscalls.md). Only anonymous private memory so far: placed by the kernel, or at
    // the caller's address with MAP_FIXED (replacing what was there) or MAP_FIXED_NOREPLACE (EEXIST if anything was).
    static class MemoryCalls
    {
        const int ProtectionRead = 1, ProtectionWrite = 2, ProtectionExecute = 4;
        const int MapPrivate = 0x02, MapFixed = 0x10, MapAnonymous = 0x20, MapFixedNoReplace = 0x100000;
        const int MemoryInfoSize = 48;

        public static long Map(ulong address, ulong length, int protection, int flags, int fd, ulong offset)
        {
            int placement = flags & (MapFixed | MapFixedNoReplace);
            if ((flags & ~placement) != (MapPrivate | MapAnonymous) || fd != -1 || offset != 0) return SystemCalls.Failure(Errno.EINVAL);
            if (length == 0 || (protection & ~(ProtectionRead | ProtectionWrite | ProtectionExecute)) != 0)
                return SystemCalls.Failure(Errno.EINVAL);
            if ((protection & ProtectionWrite) != 0 && (protection & ProtectionExecute) != 0)
                return SystemCalls.Failure(Errno.EACCES);       // no page is both writable and executable
            if (length > UserAddressSpace.UserEnd) return SystemCalls.Failure(Errno.ENOMEM);
            PageAttributes attributes = PageAttributes.ReadOnly;
            if ((protection & ProtectionWrite) != 0) attributes |= PageAttributes.Writable;
            if ((protection & ProtectionExecute) != 0) attributes |= PageAttributes.Executable;
            ulong pages = PagesIn(length);
            UserAddressSpace space = ProcessTable.Current.AddressSpace;
            if (placement == 0)
            {
                ulong mapped = space.MapAnywhere(pages, attributes);
                return mapped == 0 ? SystemCalls.Failure(Errno.ENOMEM) : (long)mapped;
            }
            if (address % UserAddressSpace.PageSize != 0 || !UserAddressSpace.IsUserRange(address, pages * UserAddressSpace.PageSize))
                return SystemCalls.Failure(Errno.EINVAL);
            if (placement == MapFixedNoReplace && space.IsAnyMapped(address, pages)) return SystemCalls.Failure(Errno.EEXIST);
            space.Unmap(address, pages);
            return space.Map(address, pages, attributes) ? (long)address : SystemCalls.Failure(Errno.ENOMEM);
        }

        public static long Unmap(ulong address, ulong length)
        {
            if (address % UserAddressSpace.PageSize != 0 || length == 0 || !UserAddressSpace.IsUserRange(address, length))
                return SystemCalls.Failure(Errno.EINVAL);
            ProcessTable.Current.AddressSpace.Unmap(address, PagesIn(length));
            return 0;
        }

        static ulong PagesIn(ulong length) => (length + UserAddressSpace.PageSize - 1) / UserAddressSpace.PageSize;

        // meminfo(struct memory_info*). The kernel heap is collected first, so that the counts are of memory in use:
        // otherwise garbage of ended processes would show as used until the heap next needed room.
        public static long Information(ulong address)
        {
            KernelHeap.Collect();
            PhysicalMemoryStatistics memory = PhysicalMemory.Allocator.Statistics;
            Span<byte> info = stackalloc byte[MemoryInfoSize];
            BinaryPrimitives.WriteUInt64LittleEndian(info, UserAddressSpace.PageSize);
            BinaryPrimitives.WriteUInt64LittleEndian(info.Slice(8), memory.TotalPages);
            BinaryPrimitives.WriteUInt64LittleEndian(info.Slice(16), memory.FreePages);
            HeapStatistics heap = KernelHeap.Statistics;
            BinaryPrimitives.WriteUInt64LittleEndian(info.Slice(24), heap.BytesInUse);
            BinaryPrimitives.WriteUInt64LittleEndian(info.Slice(32), (ulong)ProcessTable.Snapshot().Length);
            BinaryPrimitives.WriteUInt64LittleEndian(info.Slice(40), heap.CommittedPages);
            return ProcessTable.Current.AddressSpace.CopyToUser(address, info) ? 0 : SystemCalls.Failure(Errno.EFAULT);
        }
    }
}
