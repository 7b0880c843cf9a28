using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Arch.X64
{
    // Control registers and privileged instructions (Arch/X64/cpu.asm).
    public static unsafe class Cpu
    {
        [RuntimeImport("cosmos_halt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void HaltOnce();

        [RuntimeImport("cosmos_disable_interrupts")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DisableInterrupts();

        [RuntimeImport("cosmos_read_cr0")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr0();

        [RuntimeImport("cosmos_read_cr2")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr2();

        [RuntimeImport("cosmos_read_cr3")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr3();

        [RuntimeImport("cosmos_read_cr4")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr4();

        // Stops this CPU for good.
        public static void Halt()
        {
            DisableInterrupts();
            while (true) HaltOnce();
        }
    }
}
