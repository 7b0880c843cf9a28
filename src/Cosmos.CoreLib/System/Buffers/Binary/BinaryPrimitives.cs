using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Buffers.Binary
{
    // Little-endian reads and writes of structures in memory (x86 is little-endian: plain unaligned loads and stores).
    public static class BinaryPrimitives
    {
        public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source) => Read<ushort>(source);

        public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source) => Read<uint>(source);

        public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source) => Read<ulong>(source);

        public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source) => Read<int>(source);

        public static void WriteInt32LittleEndian(Span<byte> destination, int value) => Write(destination, value);

        public static void WriteUInt32LittleEndian(Span<byte> destination, uint value) => Write(destination, value);

        public static void WriteInt64LittleEndian(Span<byte> destination, long value) => Write(destination, value);

        public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value) => Write(destination, value);

        static unsafe T Read<T>(ReadOnlySpan<byte> source) where T : unmanaged
        {
            if (source.Length < sizeof(T)) throw new ArgumentOutOfRangeException(nameof(source));
            return Unsafe.Read<T>(Unsafe.AsPointer(ref MemoryMarshal.GetReference(source)));
        }

        static unsafe void Write<T>(Span<byte> destination, T value) where T : unmanaged
        {
            if (destination.Length < sizeof(T)) throw new ArgumentOutOfRangeException(nameof(destination));
            Unsafe.Write(Unsafe.AsPointer(ref MemoryMarshal.GetReference(destination)), value);
        }
    }
}
