using System;
using Cosmos.Kernel.Arch.X64.Acpi;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Arch.X64
{
    // The I/O APIC whose inputs start at GSI 0, where the ISA IRQs arrive (the MADT's source overrides say on which
    // input, and how). Each ISA IRQ goes to its vector (InterruptVectors.ForIsaIrq) on this processor's local APIC;
    // every input starts masked. Machines with more I/O APICs have their other ones left masked.
    public static unsafe class IoApic
    {
        const uint RegisterSelect = 0x00, Window = 0x10;
        const uint Version = 0x01, RedirectionTable = 0x10;
        const uint Masked = 1 << 16, LevelTriggered = 1 << 15, ActiveLow = 1 << 13;

        static uint* s_registers;
        static Madt s_madt;

        public static int InputCount { get; private set; }

        public static void Initialize(Madt madt)
        {
            MadtIoApic? first = null;
            foreach (MadtIoApic ioApic in madt.IoApics)
                if (ioApic.GsiBase == 0) first = ioApic;
            if (first == null) throw new InvalidOperationException("I/O APIC: the MADT lists none for GSI 0 (the ISA IRQs)");
            s_madt = madt;
            s_registers = (uint*)DeviceMemory.Map(first.Value.Address, Window + 4);
            InputCount = (int)(Read(Version) >> 16 & 0xFF) + 1;
            for (uint input = 0; input < InputCount; input++) Write(RedirectionTable + 2 * input, Masked);
        }

        // Points the ISA IRQ's input at its vector, with the polarity and trigger the MADT gives; it stays masked.
        public static void RouteIsaIrq(byte irq, uint destinationApicId)
        {
            MadtSourceOverride route = s_madt.RouteIsaIrq(irq);
            uint input = Input(route.Gsi);
            uint low = Masked | (uint)InterruptVectors.ForIsaIrq(irq);
            if (route.ActiveLow) low |= ActiveLow;
            if (route.LevelTriggered) low |= LevelTriggered;
            Write(RedirectionTable + 2 * input + 1, destinationApicId << 24);
            Write(RedirectionTable + 2 * input, low);
        }

        public static void SetIsaIrqMasked(byte irq, bool masked)
        {
            uint register = RedirectionTable + 2 * Input(s_madt.RouteIsaIrq(irq).Gsi);
            uint low = Read(register);
            Write(register, masked ? low | Masked : low & ~Masked);
        }

        public static bool IsIsaIrqMasked(byte irq) => (Read(RedirectionTable + 2 * Input(s_madt.RouteIsaIrq(irq).Gsi)) & Masked) != 0;

        static uint Input(uint gsi)
        {
            if (gsi >= InputCount) throw new ArgumentOutOfRangeException(nameof(gsi), "I/O APIC: no input for GSI " + gsi);
            return gsi;
        }

        // Registers are reached indirectly: select one, then read or write the window.
        static uint Read(uint register)
        {
            ((DeviceRegister*)((byte*)s_registers + RegisterSelect))->Value = register;
            return ((DeviceRegister*)((byte*)s_registers + Window))->Value;
        }

        static void Write(uint register, uint value)
        {
            ((DeviceRegister*)((byte*)s_registers + RegisterSelect))->Value = register;
            ((DeviceRegister*)((byte*)s_registers + Window))->Value = value;
        }
    }
}
