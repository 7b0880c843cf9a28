using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Arch.X64
{
    // x86 I/O port access (Arch/X64/cpu.asm).
    public static class Ports
    {
        [RuntimeImport("cosmos_outb")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Write8(ushort port, byte value);

        [RuntimeImport("cosmos_inb")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern byte Read8(ushort port);

        [RuntimeImport("cosmos_outw")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Write16(ushort port, ushort value);
    }
}
