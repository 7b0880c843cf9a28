using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Arch.X64
{
    // The global descriptor table: flat 64-bit code and data segments for the kernel and (ready for user mode) for
    // user code, in the order SYSRET requires, plus the TSS that carries the interrupt stacks.
    public static unsafe class Gdt
    {
        public const ushort KernelCode = 0x08;
        public const ushort KernelData = 0x10;
        public const ushort UserData = 0x18 | 3;
        public const ushort UserCode = 0x20 | 3;
        public const ushort Tss = 0x28;

        // The IST slot (1-based, as the IDT names it) whose stack double faults run on.
        public const int DoubleFaultStack = 1;

        struct Table
        {
            public fixed ulong Entries[7];             // null, 4 segments, and the 16-byte TSS descriptor
        }

        static Table s_table;
        static TaskStateSegment s_tss;

        public static void Initialize(ulong doubleFaultStackTop)
        {
            fixed (Table* table = &s_table)
            fixed (TaskStateSegment* tss = &s_tss)
            {
                tss->InterruptStacks[DoubleFaultStack - 1] = doubleFaultStackTop;
                tss->IoMapBase = (ushort)sizeof(TaskStateSegment);   // no I/O permission bitmap

                table->Entries[0] = 0;
                table->Entries[1] = 0x00AF9A000000FFFF;              // kernel code: present, DPL 0, long mode
                table->Entries[2] = 0x00CF92000000FFFF;              // kernel data
                table->Entries[3] = 0x00CFF2000000FFFF;              // user data: DPL 3
                table->Entries[4] = 0x00AFFA000000FFFF;              // user code: DPL 3, long mode
                ulong tssBase = (ulong)tss;
                ulong limit = (ulong)sizeof(TaskStateSegment) - 1;
                table->Entries[5] = (limit & 0xFFFF) | ((tssBase & 0xFFFFFF) << 16) | (0x89UL << 40)
                                    | ((limit >> 16 & 0xF) << 48) | ((tssBase >> 24 & 0xFF) << 56);
                table->Entries[6] = tssBase >> 32;

                var pointer = new DescriptorTablePointer { Limit = (ushort)(sizeof(Table) - 1), Base = (ulong)table };
                LoadGdt(&pointer, KernelCode, KernelData);
                LoadTaskRegister(Tss);
            }
        }

        // The stack the CPU switches to when an interrupt or exception arrives in user mode: the running thread's.
        public static void SetKernelStack(ulong top) => s_tss.Rsp0 = top;

        [RuntimeImport("cosmos_load_gdt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void LoadGdt(DescriptorTablePointer* pointer, ushort codeSelector, ushort dataSelector);

        [RuntimeImport("cosmos_load_tss")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void LoadTaskRegister(ushort selector);
    }
}
