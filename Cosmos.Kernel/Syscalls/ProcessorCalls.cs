using System;
using System.Buffers.Binary;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // list_processors (docs/syscalls.md): what each processor that came online does: the thread it runs and how many
    // times it has switched threads.
    static unsafe class ProcessorCalls
    {
        const int ProcessorInfoSize = 24;
        const int NotScheduling = 0, Scheduling = 1;

        // list_processors(buffer, count): up to `count` records; returns how many processors are online.
        public static long List(ulong bufferAddress, ulong count)
        {
            Span<byte> record = stackalloc byte[ProcessorInfoSize];
            int online = PerCpu.RunningCount;
            for (int position = 0; position < online && (ulong)position < count; position++)
            {
                PerCpuRecord* processor = PerCpu.Running(position);
                bool schedules = Scheduler.Instance.TryDescribe(processor->Index, out int threadId, out ulong contextSwitches);
                BinaryPrimitives.WriteUInt32LittleEndian(record, processor->Index);
                BinaryPrimitives.WriteUInt32LittleEndian(record.Slice(4), processor->ApicId);
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(8), schedules ? Scheduling : NotScheduling);
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(12), threadId);
                BinaryPrimitives.WriteUInt64LittleEndian(record.Slice(16), contextSwitches);
                if (!ProcessTable.Current.AddressSpace.CopyToUser(bufferAddress + (ulong)(position * ProcessorInfoSize), record))
                    return SystemCalls.Failure(Errno.EFAULT);
            }
            return online;
        }
    }
}
