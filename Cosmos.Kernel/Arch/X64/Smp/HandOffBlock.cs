using System.Runtime.InteropServices;

namespace Cosmos.Kernel.Arch.X64.Smp
{
    // What the boot processor hands an application processor it starts, at OffsetInPage in the trampoline page:
    // written before INIT, read by the trampoline (ap_trampoline.asm, whose labels sit at the same offsets: a host
    // test checks the assembled file), and Alive set by the processor's C# entry once it is parked. One block serves
    // every processor because they are started one at a time. Hardware-free.
    [StructLayout(LayoutKind.Explicit, Size = Size)]
    public struct HandOffBlock
    {
        public const int OffsetInPage = 0xF00;
        public const int Size = 40;
        public const int PageTableRootOffset = 0, StackTopOffset = 8, EntryOffset = 16, RecordOffset = 24, AliveOffset = 32;

        // The kernel's PML4, physical: loaded by the 32-bit stage, so it must lie below 4 GiB.
        [FieldOffset(PageTableRootOffset)] public ulong PageTableRoot;
        [FieldOffset(StackTopOffset)] public ulong StackTop;
        // The C# function the processor calls, with Record as its argument; it never returns.
        [FieldOffset(EntryOffset)] public ulong Entry;
        [FieldOffset(RecordOffset)] public ulong Record;
        // 0 until the processor is set up and parked.
        [FieldOffset(AliveOffset)] public uint Alive;
    }
}
