using System;

namespace Cosmos.Kernel.FileSystem
{
    // open's flags, with Linux's O_ values (docs/syscalls.md). The access mode is the two low bits, not a flag.
    [Flags]
    public enum OpenFlags
    {
        ReadOnly = 0,
        WriteOnly = 1,
        ReadWrite = 2,
        AccessMask = 3,
        Create = 0x40,
        Truncate = 0x200,
        Append = 0x400,
    }
}
