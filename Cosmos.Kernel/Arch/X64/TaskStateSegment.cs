using System.Runtime.InteropServices;

namespace Cosmos.Kernel.Arch.X64
{
    // The 64-bit TSS: no task switching, only the stacks the CPU switches to (RSP0 on entry from user mode, and the
    // interrupt stack table used by vectors whose IDT entry names an IST slot).
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public unsafe struct TaskStateSegment
    {
        uint _reserved0;
        public ulong Rsp0, Rsp1, Rsp2;
        ulong _reserved1;
        public fixed ulong InterruptStacks[7];    // IST1..IST7
        ulong _reserved2;
        ushort _reserved3;
        public ushort IoMapBase;
    }
}
