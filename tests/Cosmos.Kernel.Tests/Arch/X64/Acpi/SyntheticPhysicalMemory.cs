using System;
using System.Collections.Generic;
using Cosmos.Kernel.Arch.X64.Acpi;

namespace Cosmos.Kernel.Tests.Arch.X64.Acpi
{
    // Physical memory for the ACPI parser: byte arrays placed at physical addresses anywhere in the 64-bit space, and
    // zeros everywhere else, as the kernel's direct map reads RAM the firmware left blank. Every read is logged, so a
    // test can tell what the parser looked at.
    public sealed class SyntheticPhysicalMemory
    {
        // Larger than any read the parser should make (it refuses tables over 16 MiB): a read this large is a bug.
        const int LargestSensibleRead = 32 << 20;

        readonly List<(ulong Address, byte[] Bytes)> _regions = new List<(ulong, byte[])>();

        public List<(ulong Address, int Length)> Reads { get; } = new List<(ulong, int)>();

        public ulong Place(ulong address, byte[] bytes)
        {
            foreach (var (start, existing) in _regions)
                if (address < start + (ulong)existing.Length && start < address + (ulong)bytes.Length)
                    throw new ArgumentException($"0x{address:x} overlaps the bytes already at 0x{start:x}");
            _regions.Add((address, bytes));
            return address;
        }

        public ReadOnlySpan<byte> Read(ulong address, int length)
        {
            Reads.Add((address, length));
            if (length < 0 || length > LargestSensibleRead)
                throw new ArgumentOutOfRangeException(nameof(length), $"read of 0x{length:x} bytes at 0x{address:x}");
            // A read wholly inside one placed array is a view of it; otherwise a copy of whatever overlaps, zeros between.
            foreach (var (start, bytes) in _regions)
                if (address >= start && address - start <= (ulong)bytes.Length && (ulong)length <= (ulong)bytes.Length - (address - start))
                    return new ReadOnlySpan<byte>(bytes, (int)(address - start), length);
            var result = new byte[length];
            foreach (var (start, bytes) in _regions)
                for (int i = 0; i < bytes.Length; i++)
                {
                    ulong at = start + (ulong)i;
                    if (at >= address && at - address < (ulong)length) result[at - address] = bytes[i];
                }
            return result;
        }

        public PhysicalMemoryReader Reader => Read;
    }
}
