using System;

namespace Cosmos.Kernel.Arch.X64.Smp
{
    // The two 32-bit halves of a local APIC interrupt command (ICR, xAPIC registers 0x310 and 0x300) that start an
    // application processor: INIT (assert, level-triggered) and STARTUP, whose vector is the 4 KiB page below 1 MiB
    // where the processor begins in real mode. The high half must be written first: writing the low half sends.
    // Hardware-free.
    public readonly record struct InterprocessorCommand(uint High, uint Low)
    {
        const uint DeliveryInit = 5 << 8, DeliveryStartup = 6 << 8;
        const uint LevelAssert = 1 << 14, TriggerLevel = 1 << 15;
        const int DestinationShift = 24;
        const ulong LowMemoryEnd = 0x10_0000, PageSize = 0x1000;

        // Set in the low half while the APIC is still sending; it must be clear before the next command.
        public const uint DeliveryPending = 1 << 12;

        public static InterprocessorCommand Init(uint apicId) =>
            new InterprocessorCommand(Destination(apicId), DeliveryInit | LevelAssert | TriggerLevel);

        // trampoline: the physical address of the page the processor starts in; page-aligned, below 1 MiB.
        public static InterprocessorCommand Startup(uint apicId, ulong trampoline)
        {
            if (trampoline % PageSize != 0 || trampoline >= LowMemoryEnd)
                throw new ArgumentOutOfRangeException(nameof(trampoline),
                                                      "a startup page must be 4 KiB-aligned and below 1 MiB");
            return new InterprocessorCommand(Destination(apicId), DeliveryStartup | (uint)(trampoline / PageSize));
        }

        // xAPIC destinations are 8 bits; larger IDs need x2APIC, which the kernel does not drive.
        static uint Destination(uint apicId)
        {
            if (apicId > 0xFF) throw new ArgumentOutOfRangeException(nameof(apicId), "xAPIC IDs are 0-255");
            return apicId << DestinationShift;
        }
    }
}
