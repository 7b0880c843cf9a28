using System;

namespace Cosmos.Kernel.Boot
{
    // All physical memory, mapped read-write at one offset in the kernel half: how the kernel reaches page tables, boot
    // information, ACPI tables and every frame it allocates. The boot code maps the first 4 GiB; the kernel's own tables
    // (Memory/KernelAddressSpace) map all of memory and then extend the reach. See docs/memory-layout.md.
    public static unsafe class DirectMap
    {
        public const ulong Base = 0xFFFF800000000000;
        public const ulong BootSize = 4UL << 30;

        static ulong s_extendedEnd;

        // The first physical address the direct map does not reach.
        public static ulong End => s_extendedEnd > BootSize ? s_extendedEnd : BootSize;

        public static void Extend(ulong end)
        {
            if (end > s_extendedEnd) s_extendedEnd = end;
        }

        public static void* ToVirtual(ulong physicalAddress)
        {
            if (physicalAddress >= End)
                throw new ArgumentOutOfRangeException(nameof(physicalAddress), "physical address 0x" + physicalAddress.ToString("x")
                                                      + " is beyond the direct map's end 0x" + End.ToString("x"));
            return (void*)(Base + physicalAddress);
        }
    }
}
