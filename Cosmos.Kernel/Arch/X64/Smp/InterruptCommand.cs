using System;

namespace Cosmos.Kernel.Arch.X64.Smp
{
    // One value of the local APIC's interrupt command register (ICR), which sends an interprocessor interrupt: the
    // high half names the destination (written first), writing the low half sends it. Built here: the two messages
    // that start a processor, INIT and STARTUP, NMI, and a fixed vector (the kernel's own requests between running
    // processors); each to one processor by APIC ID (physical destination, no shorthand), level assert, edge
    // triggered. Hardware-free.
    public readonly struct InterruptCommand
    {
        const uint DeliveryModeInit = 0b101 << 8;
        const uint DeliveryModeStartup = 0b110 << 8;
        const uint DeliveryModeNmi = 0b100 << 8;
        const uint DeliveryModeFixed = 0b000 << 8;
        const uint LevelAssert = 1 << 14;
        const int DestinationShift = 24;
        const ulong PageSize = 4096, StartupAddressLimit = 1UL << 20;

        public uint High { get; }
        public uint Low { get; }

        InterruptCommand(uint destinationApicId, uint low)
        {
            if (destinationApicId > byte.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(destinationApicId), "an xAPIC destination is 8 bits");
            High = destinationApicId << DestinationShift;
            Low = low;
        }

        // Resets the processor, which then waits for STARTUP.
        public static InterruptCommand Init(uint destinationApicId)
            => new InterruptCommand(destinationApicId, DeliveryModeInit | LevelAssert);

        // A non-maskable interrupt (vector 2 whatever the vector field holds): it reaches even a processor halted with
        // interrupts off.
        public static InterruptCommand Nmi(uint destinationApicId)
            => new InterruptCommand(destinationApicId, DeliveryModeNmi | LevelAssert);

        // An interrupt on `vector` (above the exceptions), taken like any other when the processor has interrupts on.
        public static InterruptCommand Fixed(uint destinationApicId, int vector)
        {
            if (vector < 32 || vector > byte.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(vector), "a fixed interprocessor interrupt needs a vector from 32 to 255");
            return new InterruptCommand(destinationApicId, DeliveryModeFixed | LevelAssert | (uint)vector);
        }

        // Starts a processor waiting after INIT in real mode at startPhysical (CS = its page number << 8, IP = 0):
        // the vector field holds the page number, so the code must be page aligned and below 1 MiB.
        public static InterruptCommand Startup(uint destinationApicId, ulong startPhysical)
        {
            if (startPhysical % PageSize != 0 || startPhysical >= StartupAddressLimit)
                throw new ArgumentOutOfRangeException(nameof(startPhysical), "STARTUP needs a page-aligned address below 1 MiB");
            return new InterruptCommand(destinationApicId, DeliveryModeStartup | LevelAssert | (uint)(startPhysical / PageSize));
        }
    }
}
