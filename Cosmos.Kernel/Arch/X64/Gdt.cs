using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Arch.X64
{
    // The global descriptor tables, one per processor (DescriptorTables): flat 64-bit code and data segments for the
    // kernel and for user code, in the order SYSRET requires, plus the processor's TSS that carries its interrupt stacks.
    public static unsafe class Gdt
    {
        public const ushort KernelCode = 0x08;
        public const ushort KernelData = 0x10;
        public const ushort UserData = 0x18 | 3;
        public const ushort UserCode = 0x20 | 3;
        public const ushort Tss = 0x28;

        // The IST slot (1-based, as the IDT names it) whose stack double faults run on.
        public const int DoubleFaultStack = 1;

        static DescriptorTables s_bootTables;

        // The boot processor's tables, in the image: they must exist before there is any allocator.
        public static DescriptorTables* BootTables
        {
            get { fixed (DescriptorTables* tables = &s_bootTables) return tables; }
        }

        // Loads the boot processor's tables, with its double faults on the stack ending at doubleFaultStackTop.
        public static void Initialize(ulong doubleFaultStackTop)
        {
            Build(BootTables, doubleFaultStackTop);
            Load(BootTables);
        }

        // Fills a processor's tables: the same segments for all, its own TSS with its own double-fault stack.
        public static void Build(DescriptorTables* tables, ulong doubleFaultStackTop)
        {
            TaskStateSegment* tss = &tables->Tss;
            tss->InterruptStacks[DoubleFaultStack - 1] = doubleFaultStackTop;
            tss->IoMapBase = (ushort)sizeof(TaskStateSegment);   // no I/O permission bitmap

            tables->Entries[0] = 0;
            tables->Entries[1] = 0x00AF9A000000FFFF;              // kernel code: present, DPL 0, long mode
            tables->Entries[2] = 0x00CF92000000FFFF;              // kernel data
            tables->Entries[3] = 0x00CFF2000000FFFF;              // user data: DPL 3
            tables->Entries[4] = 0x00AFFA000000FFFF;              // user code: DPL 3, long mode
            ulong tssBase = (ulong)tss;
            ulong limit = (ulong)sizeof(TaskStateSegment) - 1;
            tables->Entries[5] = (limit & 0xFFFF) | ((tssBase & 0xFFFFFF) << 16) | (0x89UL << 40)
                                 | ((limit >> 16 & 0xF) << 48) | ((tssBase >> 24 & 0xFF) << 56);
            tables->Entries[6] = tssBase >> 32;
        }

        // Makes the calling processor use these tables. Loading the GDT clears the GS base: the processor's
        // PerCpuRecord must be installed after.
        public static void Load(DescriptorTables* tables)
        {
            var pointer = new DescriptorTablePointer { Limit = (ushort)(DescriptorTables.EntryCount * sizeof(ulong) - 1), Base = (ulong)tables->Entries };
            LoadGdt(&pointer, KernelCode, KernelData);
            LoadTaskRegister(Tss);
        }

        // The stack the calling processor switches to when an interrupt or exception arrives in user mode: its
        // running thread's.
        public static void SetKernelStack(ulong top) => PerCpu.Current->Tables->Tss.Rsp0 = top;

        [RuntimeImport("cosmos_load_gdt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void LoadGdt(DescriptorTablePointer* pointer, ushort codeSelector, ushort dataSelector);

        [RuntimeImport("cosmos_load_tss")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void LoadTaskRegister(ushort selector);
    }
}
