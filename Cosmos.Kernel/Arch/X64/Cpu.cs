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

        [RuntimeImport("cosmos_enable_interrupts")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void EnableInterrupts();

        // Turns interrupts off and says whether they were on.
        [RuntimeImport("cosmos_disable_interrupts_saving")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool DisableInterruptsSaving();

        // Undoes DisableInterruptsSaving: turns interrupts back on if they were on.
        public static void RestoreInterrupts(bool wereEnabled)
        {
            if (wereEnabled) EnableInterrupts();
        }

        // Enables interrupts and halts until one arrives (none can slip in between).
        [RuntimeImport("cosmos_wait_for_interrupt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WaitForInterrupt();

        // Tells the processor it is in a spin-wait loop: it saves power and, on a hyperthread, yields to its sibling.
        [RuntimeImport("cosmos_pause")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Pause();

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

        [RuntimeImport("cosmos_write_cr3")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteCr3(ulong value);

        [RuntimeImport("cosmos_write_cr4")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteCr4(ulong value);

        // Drops the TLB entry for the page holding the address, and the paging-structure caches' entries.
        [RuntimeImport("cosmos_invlpg")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InvalidatePage(ulong virtualAddress);

        // Drops every TLB entry, global ones included (toggling CR4.PGE does that; reloading CR3 would keep them).
        public static void FlushTlb()
        {
            ulong cr4 = ReadCr4();
            if ((cr4 & CpuFeatures.Cr4GlobalPagesEnable) == 0)
            {
                WriteCr3(ReadCr3());
                return;
            }
            WriteCr4(cr4 & ~CpuFeatures.Cr4GlobalPagesEnable);
            WriteCr4(cr4);
        }

        // Calls `target` with the callee-saved registers pushed and the stack pointer below them, for code that scans
        // this stack conservatively from there up (registers_on_stack.asm).
        [RuntimeImport("cosmos_call_with_registers_on_stack")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void CallWithRegistersOnStack(delegate*<ulong, void> target);

        // registers[0..3] = eax, ebx, ecx, edx of CPUID(leaf, subleaf).
        [RuntimeImport("cosmos_cpuid")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Cpuid(uint leaf, uint subleaf, uint* registers);

        [RuntimeImport("cosmos_read_msr")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadMsr(uint msr);

        [RuntimeImport("cosmos_write_msr")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteMsr(uint msr, ulong value);

        // The time-stamp counter (cycles at a constant rate), after every earlier instruction has completed.
        [RuntimeImport("cosmos_read_tsc")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadTimestamp();

        // A random number from the CPU's generator (RDRAND, where CpuFeatures.RandomNumbers says it exists); false
        // when it had none to give.
        [RuntimeImport("cosmos_read_random")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool ReadRandom(ulong* value);

        // Stops this CPU for good.
        public static void Halt()
        {
            DisableInterrupts();
            while (true) HaltOnce();
        }
    }
}
