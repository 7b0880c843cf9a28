using System;

namespace Cosmos.Kernel.Memory
{
    // Device registers reached through memory (the local APIC, I/O APICs): mapped uncached into a window of the
    // kernel half kept for them (docs/memory-layout.md), one after another; a device stays mapped for good.
    public static class DeviceMemory
    {
        public const ulong WindowBase = 0xFFFF_FE00_0000_0000;
        public const ulong WindowSize = 1UL << 30;
        const ulong PageSize = 4096;

        static ulong s_next = WindowBase;

        // Maps the pages holding [physical, physical + length) and returns the virtual address of `physical`.
        public static ulong Map(ulong physical, ulong length)
        {
            ulong first = physical & ~(PageSize - 1);
            ulong pages = (physical + length - first + PageSize - 1) / PageSize;
            if (s_next + pages * PageSize > WindowBase + WindowSize)
                throw new InvalidOperationException("device memory: the window is full");
            ulong virtualBase = s_next;
            for (ulong page = 0; page < pages; page++)
            {
                if (!KernelAddressSpace.Map(virtualBase + page * PageSize, first + page * PageSize,
                                            PageAttributes.Writable | PageAttributes.Uncached))
                    throw new InvalidOperationException("device memory: no memory for a page table");
            }
            s_next += pages * PageSize;
            return virtualBase + (physical - first);
        }
    }
}
