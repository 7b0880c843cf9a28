using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Arch.X64
{
    // This processor's local APIC (xAPIC, registers as memory): where every interrupt the kernel takes arrives, the
    // timer (ApicTimer) included. Enabled with a spurious vector and its legacy LINT0 input (the PICs) masked.
    public static unsafe class LocalApic
    {
        const uint BaseMsr = 0x1B;
        const ulong GlobalEnable = 1UL << 11;
        const ulong BaseAddressMask = 0x000F_FFFF_FFFF_F000;

        internal const int Id = 0x20, TaskPriority = 0x80, EndOfInterruptRegister = 0xB0, SpuriousVector = 0xF0;
        internal const int LvtTimer = 0x320, LvtLint0 = 0x350, LvtError = 0x370;
        internal const int TimerInitialCount = 0x380, TimerCurrentCount = 0x390, TimerDivide = 0x3E0;
        internal const uint LvtMasked = 1 << 16;
        const int InterruptCommandLow = 0x300, InterruptCommandHigh = 0x310;
        const uint DeliveryPending = 1 << 12;
        const uint SoftwareEnable = 1 << 8;
        const ulong RegisterSpace = 0x400;

        static uint* s_registers;

        public static ulong PhysicalAddress { get; private set; }

        // physicalAddress: where the MADT says the registers are; every processor's base MSR is pointed there.
        // Enables the boot processor's APIC.
        public static void Initialize(ulong physicalAddress)
        {
            PhysicalAddress = physicalAddress & BaseAddressMask;
            s_registers = (uint*)DeviceMemory.Map(PhysicalAddress, RegisterSpace);
            Idt.SetHandler(InterruptVectors.ApicSpurious, &IgnoreSpurious);
            EnableOnThisProcessor();
        }

        // Enables the calling processor's own APIC, which answers at the same address as every other's.
        public static void EnableOnThisProcessor()
        {
            ulong msr = Cpu.ReadMsr(BaseMsr);
            Cpu.WriteMsr(BaseMsr, (msr & ~BaseAddressMask) | PhysicalAddress | GlobalEnable);
            Write(TaskPriority, 0);                 // accept every vector
            Write(LvtLint0, LvtMasked);
            Write(LvtError, LvtMasked);
            Write(SpuriousVector, SoftwareEnable | InterruptVectors.ApicSpurious);
        }

        // Sends an interprocessor interrupt and waits until the APIC has delivered it (its delivery-status bit is
        // clear): the next command must not overwrite one still pending.
        public static void Send(InterruptCommand command)
        {
            Write(InterruptCommandHigh, command.High);
            Write(InterruptCommandLow, command.Low);
            while ((Read(InterruptCommandLow) & DeliveryPending) != 0) { }
        }

        public static bool IsEnabled => s_registers != null && (Cpu.ReadMsr(BaseMsr) & GlobalEnable) != 0
                                        && (Read(SpuriousVector) & SoftwareEnable) != 0;

        public static uint ApicId => Read(Id) >> 24;

        // Lets the APIC deliver the next interrupt of the in-service one's priority or lower.
        public static void EndOfInterrupt()
        {
            if (s_registers != null) Write(EndOfInterruptRegister, 0);
        }

        internal static uint Read(int register) => ((DeviceRegister*)((byte*)s_registers + register))->Value;

        internal static void Write(int register, uint value) => ((DeviceRegister*)((byte*)s_registers + register))->Value = value;

        // Delivered when an interrupt went away between being signalled and being accepted; needs no EOI.
        static void IgnoreSpurious(InterruptFrame* frame) { }
    }
}
