using System;
using System.Buffers.Binary;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // shm_create, shm_map, shm_delete and shm_grant (docs/syscalls.md, "Shared memory") over the kernel's one
    // SharedMemoryDirectory; spawn and exit keep its rights in step with the processes.
    static class SharedMemoryCalls
    {
        internal static SharedMemoryDirectory Directory { get; private set; }

        public static void Initialize(IRandomSource random) => Directory = new SharedMemoryDirectory(KernelFrames.Instance, random);

        public static long Create(ulong length, int protection, int flags, ulong keyAddress)
        {
            Process self = ProcessTable.Current;
            // The key's place is checked first, so that a bad pointer leaves no object nobody knows the key of.
            Span<byte> key = stackalloc byte[8];
            if (!self.AddressSpace.CanWrite(keyAddress, 8)) return SystemCalls.Failure(Errno.EFAULT);
            Errno error = Directory.Create(length, (MemoryProtection)protection, flags, self.Id, out ulong created);
            if (error != Errno.None) return SystemCalls.Failure(error);
            BinaryPrimitives.WriteUInt64LittleEndian(key, created);
            if (self.AddressSpace.CopyToUser(keyAddress, key)) return 0;
            Directory.Delete(created, self.Id);
            return SystemCalls.Failure(Errno.EFAULT);
        }

        public static long Map(ulong key)
        {
            Process self = ProcessTable.Current;
            Errno error = Directory.Open(key, self.Id, out SharedMemoryObject shared);
            ulong mapped = 0;
            if (error == Errno.None) error = self.AddressSpace.MapShared(shared, out mapped);
            return error == Errno.None ? (long)mapped : SystemCalls.Failure(error);
        }

        public static long Delete(ulong key) => SystemCalls.Result(Directory.Delete(key, ProcessTable.Current.Id));

        public static long Grant(ulong key, int processId)
        {
            if (ProcessTable.Find(processId) == null) return SystemCalls.Failure(Errno.ESRCH);
            return SystemCalls.Result(Directory.Grant(key, ProcessTable.Current.Id, processId));
        }
    }
}
