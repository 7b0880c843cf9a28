using System.Runtime.InteropServices;

namespace Cosmos.Kernel.Arch.X64
{
    // The operand of lgdt and lidt.
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct DescriptorTablePointer
    {
        public ushort Limit;
        public ulong Base;
    }
}
