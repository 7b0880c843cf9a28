using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Buffers.Binary
{
    // Little-endian reads of structures in memory (x86 is little-endian, so a read is a plain unaligned load).
    public static class BinaryPrimitives
    {
        public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source) => Read<ushort>(source);

        public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source) => Read<uint>(source);

        public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source) => Read<ulong>(source);

        public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source) => Read<int>(source);

        static unsafe T Read<T>(ReadOnlySpan<byte> source) where T : unmanaged
        {
            if (source.Length < sizeof(T)) throw new ArgumentOutOfRangeException(nameof(source));
            return Unsafe.Read<T>(Unsafe.AsPointer(ref MemoryMarshal.GetReference(source)));
        }
    }
}
