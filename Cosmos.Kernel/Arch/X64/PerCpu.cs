using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Arch.X64
{
    // One processor's own data, reached through its GS base (IA32_GS_BASE): gs:[0] holds the record's own address,
    // so one instruction finds it whichever processor runs the code. Kept for good in a page of its own.
    [StructLayout(LayoutKind.Sequential)]
    public struct PerCpuRecord
    {
        public ulong Self;
        public uint Index;          // 0 for the boot processor, then in the order the others are started
        public uint ApicId;
        public ulong KernelStackTop;    // the running thread's: where system calls from user mode start (user_mode.asm)
        public ulong UserStackPointer;  // the user's rsp, kept here for the instant a system call needs to switch stacks
    }

    public static unsafe class PerCpu
    {
        public const uint GsBaseMsr = 0xC000_0101;

        [RuntimeImport("cosmos_read_gs_self")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern PerCpuRecord* ReadGsSelf();

        // The record of the processor running this code.
        public static PerCpuRecord* Current => ReadGsSelf();

        // Gives the calling processor its record and points its GS base at it.
        public static PerCpuRecord* Install(uint index, uint apicId)
        {
            var record = (PerCpuRecord*)PhysicalMemory.AllocateZeroed(sizeof(PerCpuRecord));
            record->Self = (ulong)record;
            record->Index = index;
            record->ApicId = apicId;
            Cpu.WriteMsr(GsBaseMsr, (ulong)record);
            return record;
        }
    }
}
