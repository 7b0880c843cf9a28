using System;

namespace Cosmos.Kernel.Memory.Regions
{
    // mmap's MAP_* flags, with Linux's values (docs/syscalls.md).
    [Flags]
    public enum MappingFlags
    {
        Shared = 0x01,
        Private = 0x02,
        Fixed = 0x10,
        Anonymous = 0x20,
        FixedNoReplace = 0x100000,
        Known = Shared | Private | Fixed | Anonymous | FixedNoReplace,
    }
}
