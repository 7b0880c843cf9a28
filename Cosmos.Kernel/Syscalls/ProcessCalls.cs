using System;
using System.Buffers.Binary;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // spawn, exit, wait4 and list_processes (docs/syscalls.md).
    static class ProcessCalls
    {
        const int ProcessInfoSize = 64, NameOffset = 24, NameCapacity = 40;

        // spawn(path, argv, envp): the new child's pid.
        public static long Spawn(ulong pathAddress, ulong argumentsAddress, ulong environmentAddress)
        {
            Process self = ProcessTable.Current;
            Errno error = UserStrings.ReadPath(self.AddressSpace, pathAddress, out string path);
            string[] arguments = null, environment = null;
            if (error == Errno.None) error = UserStrings.ReadArray(self.AddressSpace, argumentsAddress, out arguments);
            if (error == Errno.None) error = UserStrings.ReadArray(self.AddressSpace, environmentAddress, out environment);
            if (error != Errno.None) return SystemCalls.Failure(error);
            error = ProgramStarter.Start(path, arguments, environment, self, out Process child);
            return error == Errno.None ? child.Id : SystemCalls.Failure(error);
        }

        public static long Exit(int code)
        {
            ProcessTable.ExitCurrent((code & 0xFF) << 8);
            return 0;
        }

        // wait4(pid, status, options, rusage): options and rusage are not supported, and must be 0.
        public static long Wait(int childId, ulong statusAddress, int options, ulong usageAddress)
        {
            if (options != 0 || usageAddress != 0 || childId == 0 || childId < -1) return SystemCalls.Failure(Errno.EINVAL);
            Process self = ProcessTable.Current;
            // The status pointer is checked before waiting, so a bad one does not cost the child's status.
            Span<byte> status = stackalloc byte[4];
            if (statusAddress != 0 && !self.AddressSpace.CopyFromUser(statusAddress, status)) return SystemCalls.Failure(Errno.EFAULT);
            int id = ProcessTable.Wait(self, childId, out int waitStatus);
            if (id < 0) return id;
            if (statusAddress != 0)
            {
                BinaryPrimitives.WriteInt32LittleEndian(status, waitStatus);
                if (!self.AddressSpace.CopyToUser(statusAddress, status)) return SystemCalls.Failure(Errno.EFAULT);
            }
            return id;
        }

        // list_processes(buffer, count): up to `count` 64-byte records; returns how many processes there are.
        public static long List(ulong bufferAddress, ulong count)
        {
            Process[] processes = ProcessTable.Snapshot();
            Span<byte> record = stackalloc byte[ProcessInfoSize];
            UserAddressSpace space = ProcessTable.Current.AddressSpace;
            for (int i = 0; i < processes.Length && (ulong)i < count; i++)
            {
                Process process = processes[i];
                record.Clear();
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(0), process.Id);
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(4), process.Parent == null ? 0 : process.Parent.Id);
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(8), (int)process.State);
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(12), process.LiveThreads);
                UserAddressSpace processSpace = process.AddressSpace;
                BinaryPrimitives.WriteUInt64LittleEndian(record.Slice(16), processSpace == null ? 0UL : processSpace.ResidentPages);
                for (int c = 0; c < process.Name.Length && c < NameCapacity - 1; c++) record[NameOffset + c] = (byte)process.Name[c];
                if (!space.CopyToUser(bufferAddress + (ulong)(i * ProcessInfoSize), record)) return SystemCalls.Failure(Errno.EFAULT);
            }
            return processes.Length;
        }
    }
}
