using System;
using System.Buffers.Binary;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // mmap, munmap and meminfo (docs/syscalls.md). Only anonymous private memory so far, placed by the kernel.
    static class MemoryCalls
    {
        const int ProtectionRead = 1, ProtectionWrite = 2, ProtectionExecute = 4;
        const int MapPrivate = 0x02, MapAnonymous = 0x20;
        const int MemoryInfoSize = 40;

        public static long Map(ulong address, ulong length, int protection, int flags, int fd, ulong offset)
        {
            if (flags != (MapPrivate | MapAnonymous) || fd != -1 || offset != 0) return SystemCalls.Failure(Errno.EINVAL);
            if (length == 0 || (protection & ~(ProtectionRead | ProtectionWrite | ProtectionExecute)) != 0)
                return SystemCalls.Failure(Errno.EINVAL);
            if ((protection & ProtectionWrite) != 0 && (protection & ProtectionExecute) != 0)
                return SystemCalls.Failure(Errno.EACCES);       // no page is both writable and executable
            PageAttributes attributes = PageAttributes.ReadOnly;
            if ((protection & ProtectionWrite) != 0) attributes |= PageAttributes.Writable;
            if ((protection & ProtectionExecute) != 0) attributes |= PageAttributes.Executable;
            ulong pages = length / UserAddressSpace.PageSize + (length % UserAddressSpace.PageSize == 0 ? 0UL : 1UL);
            ulong mapped = ProcessTable.Current.AddressSpace.MapAnywhere(pages, attributes);
            return mapped == 0 ? SystemCalls.Failure(Errno.ENOMEM) : (long)mapped;
        }

        public static long Unmap(ulong address, ulong length)
        {
            if (address % UserAddressSpace.PageSize != 0 || length == 0 || !UserAddressSpace.IsUserRange(address, length))
                return SystemCalls.Failure(Errno.EINVAL);
            ulong pages = length / UserAddressSpace.PageSize + (length % UserAddressSpace.PageSize == 0 ? 0UL : 1UL);
            ProcessTable.Current.AddressSpace.Unmap(address, pages);
            return 0;
        }

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
            BinaryPrimitives.WriteUInt64LittleEndian(info.Slice(24), KernelHeap.Statistics.BytesInUse);
            BinaryPrimitives.WriteUInt64LittleEndian(info.Slice(32), (ulong)ProcessTable.Snapshot().Length);
            return ProcessTable.Current.AddressSpace.CopyToUser(address, info) ? 0 : SystemCalls.Failure(Errno.EFAULT);
        }
    }
}
