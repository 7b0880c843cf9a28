namespace Cosmos.Kernel.Arch.X64
{
    // The vector map (docs/interrupts.md). The legacy PICs are parked on 0x20-0x2F, masked, so only their spurious
    // IRQ 7 and 15 can arrive there; every other vector above the exceptions comes through the local APIC and must
    // be acknowledged to it, except its spurious vector. Hardware-free.
    public static class InterruptVectors
    {
        public const int LegacyPicBase = 0x20;
        public const int LegacyPicSpuriousMaster = LegacyPicBase + 7;
        public const int LegacyPicSpuriousSlave = LegacyPicBase + 15;
        public const int IsaIrqBase = 0x30;                 // ISA IRQ n through the I/O APIC: 0x30 + n
        public const int IsaIrqCount = 16;
        public const int ApicTimer = 0xF0;
        public const int TlbShootdown = 0xF1;               // interprocessor requests (Arch/X64/Smp)
        public const int WorldStop = 0xF2;
        public const int Wakeup = 0xF3;
        public const int ApicSpurious = 0xFF;               // the low 4 bits must be set on older APICs

        public static int ForIsaIrq(int irq)
        {
            if ((uint)irq >= IsaIrqCount) throw new System.ArgumentOutOfRangeException(nameof(irq), "ISA IRQs are 0-15");
            return IsaIrqBase + irq;
        }

        // Whether the local APIC delivered the vector and waits for an end-of-interrupt before it delivers another of
        // the same or lower priority.
        public static bool IsAcknowledgedToLocalApic(int vector) => vector >= IsaIrqBase && vector != ApicSpurious;
    }
}
