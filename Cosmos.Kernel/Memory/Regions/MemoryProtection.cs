using System;

namespace Cosmos.Kernel.Memory.Regions
{
    // What a program may do with a region's pages: mmap's and mprotect's PROT_* bits, with Linux's values.
    [Flags]
    public enum MemoryProtection
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
        All = Read | Write | Execute,
    }
}
