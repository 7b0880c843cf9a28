using System;
using System.Buffers.Binary;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // list_processors (docs/syscalls.md): what each processor that came online does. The boot processor schedules
    // every thread; the others are parked until the scheduler runs threads on them (issue 8).
    static unsafe class ProcessorCalls
    {
        const int ProcessorInfoSize = 24;
        const int Parked = 0, Scheduling = 1;

        // list_processors(buffer, count): up to `count` records; returns how many processors are online.
        public static long List(ulong bufferAddress, ulong count)
        {
            Span<byte> record = stackalloc byte[ProcessorInfoSize];
            Scheduler scheduler = Scheduler.Instance;
            int online = PerCpu.RunningCount;
            for (int position = 0; position < online && (ulong)position < count; position++)
            {
                PerCpuRecord* processor = PerCpu.Running(position);
                bool schedules = processor->Index == 0;          // the boot processor runs every thread for now
                BinaryPrimitives.WriteUInt32LittleEndian(record, processor->Index);
                BinaryPrimitives.WriteUInt32LittleEndian(record.Slice(4), processor->ApicId);
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(8), schedules ? Scheduling : Parked);
                BinaryPrimitives.WriteInt32LittleEndian(record.Slice(12), schedules ? scheduler.Current.Id : -1);
                BinaryPrimitives.WriteUInt64LittleEndian(record.Slice(16), schedules ? scheduler.ContextSwitches : 0);
                if (!ProcessTable.Current.AddressSpace.CopyToUser(bufferAddress + (ulong)(position * ProcessorInfoSize), record))
                    return SystemCalls.Failure(Errno.EFAULT);
            }
            return online;
        }
    }
}
