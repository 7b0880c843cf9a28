using System;
using System.Buffers.Binary;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // mmap, mprotect, munmap, msync and meminfo (docs/syscalls.md). The rules live in UserAddressSpace; here the
    // arguments are turned into its terms.
    static class MemoryCalls
    {
        const int MemoryInfoSize = 48;

        public static long Map(ulong address, ulong length, int protection, int flags, int fd, ulong offset)
        {
            Process process = ProcessTable.Current;
            IMappedFile file = null;
            if ((flags & (int)MappingFlags.Anonymous) == 0)
            {
                IFileObject opened = process.Files.Get(fd);
                if (opened == null) return SystemCalls.Failure(Errno.EBADF);
                file = opened.Mapping;
                if (file == null) return SystemCalls.Failure(Errno.ENODEV);
            }
            Errno error = process.AddressSpace.Map(address, length, (MemoryProtection)protection, (MappingFlags)flags, file, offset, out ulong mapped);
            return error == Errno.None ? (long)mapped : SystemCalls.Failure(error);
        }

        public static long Protect(ulong address, ulong length, int protection)
            => SystemCalls.Result(ProcessTable.Current.AddressSpace.Protect(address, length, (MemoryProtection)protection));

        public static long Unmap(ulong address, ulong length) => SystemCalls.Result(ProcessTable.Current.AddressSpace.Unmap(address, length));

        public static long Sync(ulong address, ulong length, int flags)
            => SystemCalls.Result(ProcessTable.Current.AddressSpace.Sync(address, length, flags));

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
