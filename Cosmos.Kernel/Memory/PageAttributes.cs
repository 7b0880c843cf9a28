using System;

namespace Cosmos.Kernel.Memory
{
    // What a mapping allows. A present page can always be read (x86-64 has no write-only or execute-only pages);
    // everything else must be asked for, so the default is the safest: kernel-only, read-only, not executable.
    [Flags]
    public enum PageAttributes
    {
        ReadOnly = 0,
        Writable = 1 << 0,
        Executable = 1 << 1,
        User = 1 << 2,
        // Kept in the TLB across address-space switches: for kernel mappings, which every address space shares.
        Global = 1 << 3,
        // Caching disabled: for device registers mapped as memory.
        Uncached = 1 << 4,
    }
}
