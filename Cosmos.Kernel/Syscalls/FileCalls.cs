using System;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // read and write (docs/syscalls.md).
    static class FileCalls
    {
        const int ChunkBytes = 256;

        public static long Write(int fd, ulong address, ulong count)
        {
            if (fd != 1 && fd != 2) return SystemCalls.Failure(Errno.EBADF);
            UserAddressSpace space = ProcessTable.Current.AddressSpace;
            if (!space.CanRead(address, count)) return SystemCalls.Failure(Errno.EFAULT);   // a bad buffer writes nothing
            Span<byte> chunk = stackalloc byte[ChunkBytes];
            for (ulong done = 0; done < count;)
            {
                int length = (int)Math.Min((ulong)ChunkBytes, count - done);
                if (!space.CopyFromUser(address + done, chunk.Slice(0, length))) return (long)done;   // unmapped meanwhile
                for (int i = 0; i < length; i++) KernelLog.Write((char)chunk[i]);
                done += (ulong)length;
            }
            return (long)count;
        }

        public static long Read(int fd, ulong address, ulong count)
        {
            if (fd != 0) return SystemCalls.Failure(Errno.EBADF);
            return SystemCalls.Failure(Errno.ENOSYS);
        }
    }
}
