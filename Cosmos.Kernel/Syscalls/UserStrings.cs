using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Syscalls
{
    // Strings a program passes by pointer: paths, and the null-terminated pointer arrays argv and envp.
    static class UserStrings
    {
        const int PathCapacity = 256;               // with its terminating null
        const int ArgumentCapacity = 4096;
        const int ArrayCapacity = 256;

        // EFAULT for a path in memory the process cannot read, ENAMETOOLONG past 255 bytes.
        public static Errno ReadPath(UserAddressSpace space, ulong address, out string path)
        {
            path = space.ReadString(address, PathCapacity, out bool tooLong);
            return path != null ? Errno.None : tooLong ? Errno.ENAMETOOLONG : Errno.EFAULT;
        }

        // A null array pointer is an empty array. EFAULT for unreadable memory, E2BIG past 256 strings of 4 KiB.
        public static Errno ReadArray(UserAddressSpace space, ulong address, out string[] strings)
        {
            strings = null;
            var list = new List<string>();
            Span<byte> pointer = stackalloc byte[sizeof(ulong)];
            for (ulong at = address; address != 0; at += sizeof(ulong))
            {
                if (!space.CopyFromUser(at, pointer)) return Errno.EFAULT;
                ulong stringAddress = BinaryPrimitives.ReadUInt64LittleEndian(pointer);
                if (stringAddress == 0) break;
                if (list.Count == ArrayCapacity) return Errno.E2BIG;
                string text = space.ReadString(stringAddress, ArgumentCapacity, out bool tooLong);
                if (text == null) return tooLong ? Errno.E2BIG : Errno.EFAULT;
                list.Add(text);
            }
            strings = list.ToArray();
            return Errno.None;
        }
    }
}
