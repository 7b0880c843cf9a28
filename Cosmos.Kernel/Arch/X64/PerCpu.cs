using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Arch.X64
{
    // One processor's own data, reached through its GS base (IA32_GS_BASE): gs:[0] holds the record's own address,
    // so one instruction finds it whichever processor runs the code. Kept for good in a page of its own.
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct PerCpuRecord
    {
        public ulong Self;
        public uint Index;          // 0 for the boot processor, then in the order the others are started
        public uint ApicId;
        public ulong KernelStackTop;    // the running thread's: where system calls from user mode start (user_mode.asm)
        public ulong UserStackPointer;  // the user's rsp, kept here for the instant a system call needs to switch stacks
        public DescriptorTables* Tables;    // its GDT and TSS
        public ulong LoadedRoot;        // the PML4 in its CR3, written before it is loaded (TlbShootdown)
        public ulong FlushesRequested;  // TLB flushes other processors asked of it, and those it has done (TlbShootdown)
        public ulong FlushesDone;
        public ulong StopsServed;       // the last stop of the world it joined (WorldStop)
        public ulong StoppedAt;         // its stack pointer while it stands still in a stop
    }

    public static unsafe class PerCpu
    {
        public const uint GsBaseMsr = 0xC000_0101;

        [RuntimeImport("cosmos_read_gs_self")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern PerCpuRecord* ReadGsSelf();

        // The record of the processor running this code.
        public static PerCpuRecord* Current => ReadGsSelf();

        // The records of the processors that run, in the order they came online; written by the boot processor only.
        static readonly List<ulong> s_running = new List<ulong>();

        // A processor's record, kept for good in a page of its own (no processor's writes share a cache line with
        // another's), not yet installed anywhere.
        public static PerCpuRecord* Create(uint index, uint apicId, DescriptorTables* tables)
        {
            var record = (PerCpuRecord*)PhysicalMemory.AllocateZeroed(sizeof(PerCpuRecord));
            record->Self = (ulong)record;
            record->Index = index;
            record->ApicId = apicId;
            record->Tables = tables;
            return record;
        }

        // The boot processor's record, installed and counted as running: its local APIC ID from CPUID (the APIC itself
        // is not mapped yet), its tables those in the image. What the scheduler needs before it starts.
        public static void StartBootProcessor()
        {
            uint* registers = stackalloc uint[4];
            Cpu.Cpuid(1, 0, registers);
            PerCpuRecord* record = Create(0, registers[1] >> 24, Gdt.BootTables);
            record->LoadedRoot = Cpu.ReadCr3();
            Install(record);
            AddRunning(record);
        }

        // Points the calling processor's GS base at its record (after its GDT is loaded, which clears the GS base).
        public static void Install(PerCpuRecord* record) => Cpu.WriteMsr(GsBaseMsr, (ulong)record);

        // Counts the record's processor among those that run.
        public static void AddRunning(PerCpuRecord* record) => s_running.Add((ulong)record);

        public static int RunningCount => s_running.Count;

        // The record of the `position`th processor to come online (0: the boot processor).
        public static PerCpuRecord* Running(int position) => (PerCpuRecord*)s_running[position];

        // The record of the running processor with this local APIC ID, or null when none runs.
        public static PerCpuRecord* FindRunning(uint apicId)
        {
            foreach (ulong address in s_running)
                if (((PerCpuRecord*)address)->ApicId == apicId) return (PerCpuRecord*)address;
            return null;
        }
    }
}
