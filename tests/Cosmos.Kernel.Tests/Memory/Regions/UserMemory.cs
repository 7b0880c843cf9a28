using System;
using System.Collections.Generic;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // Simulated RAM with address spaces on it, and the helpers the region tests share. Dispose destroys the address
    // spaces not destroyed yet and frees the RAM.
    public sealed class UserMemory : IDisposable
    {
        public const ulong Page = UserAddressSpace.PageSize;
        public const ulong Base = UserAddressSpace.MappingBase;

        readonly List<UserAddressSpace> _spaces = new List<UserAddressSpace>();
        readonly Dictionary<UserAddressSpace, HostPageTable> _tables = new Dictionary<UserAddressSpace, HostPageTable>();

        public UserMemory(ulong ramSize = 16 * Maps.MiB)
        {
            Ram = new SimulatedRam(ramSize);
            Frames = new HostFrames(Ram);
        }

        public SimulatedRam Ram { get; }
        public HostFrames Frames { get; }
        public ulong FreePages => Ram.FreePages;

        public UserAddressSpace NewAddressSpace()
        {
            var table = new HostPageTable();
            var space = new UserAddressSpace(table, Frames);
            _spaces.Add(space);
            _tables.Add(space, table);
            return space;
        }

        public HostPageTable TableOf(UserAddressSpace space) => _tables[space];

        public void Destroy(UserAddressSpace space)
        {
            space.Destroy();
            _spaces.Remove(space);
        }

        public void Dispose()
        {
            foreach (UserAddressSpace space in _spaces) space.Destroy();
            _spaces.Clear();
            Ram.Dispose();
        }

        // mmap that must succeed.
        public static ulong Map(UserAddressSpace space, ulong address, ulong length, MemoryProtection protection, MappingFlags flags,
                                IMappedFile file = null, ulong offset = 0)
        {
            Errno error = space.Map(address, length, protection, flags, file, offset, out ulong mapped);
            if (error != Errno.None) throw new InvalidOperationException("mmap failed: " + error);
            return mapped;
        }

        // Private anonymous read-write pages at exactly `address`.
        public static ulong MapAnonymous(UserAddressSpace space, ulong address, int pages, MemoryProtection protection = MemoryProtection.Read | MemoryProtection.Write)
            => Map(space, address, (ulong)pages * Page, protection, MappingFlags.Private | MappingFlags.Anonymous | MappingFlags.Fixed);

        // Fills each of `pages` pages at `address` with its own byte (first, first + 1, ...).
        public static void FillPages(UserAddressSpace space, ulong address, int pages, byte first)
        {
            for (int page = 0; page < pages; page++)
                if (!space.CopyToUser(address + (ulong)page * Page, Filled((byte)(first + page), (int)Page)))
                    throw new InvalidOperationException("cannot fill the page at 0x" + (address + (ulong)page * Page).ToString("x"));
        }

        public static byte[] Filled(byte value, int length)
        {
            var bytes = new byte[length];
            Array.Fill(bytes, value);
            return bytes;
        }

        // The user bytes at `address`, or null when the copy fails.
        public static byte[] Read(UserAddressSpace space, ulong address, int length)
        {
            var bytes = new byte[length];
            return space.CopyFromUser(address, bytes) ? bytes : null;
        }
    }
}
