using System.Runtime.CompilerServices;

namespace System
{
    public static unsafe class Buffer
    {
        public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
        {
            if (sourceBytesToCopy > destinationSizeInBytes) throw new ArgumentOutOfRangeException(nameof(sourceBytesToCopy));
            Memmove((byte*)destination, (byte*)source, (nuint)sourceBytesToCopy);
        }

        // Overlap-safe copy; 8 bytes at a time where both ends allow it.
        internal static void Memmove(byte* destination, byte* source, nuint length)
        {
            if (destination == source || length == 0) return;
            if (destination < source || destination >= source + length)
            {
                nuint i = 0;
                for (; i + 8 <= length; i += 8) *(ulong*)(destination + i) = *(ulong*)(source + i);
                for (; i < length; i++) destination[i] = source[i];
            }
            else
            {
                nuint i = length;
                for (; i >= 8; i -= 8) *(ulong*)(destination + i - 8) = *(ulong*)(source + i - 8);
                for (; i > 0; i--) destination[i - 1] = source[i - 1];
            }
        }

        // Element-typed, overlap-safe copy behind span CopyTo (and so the collections and string building).
        internal static void Memmove<T>(ref T destination, ref T source, nuint elementCount)
            => Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), elementCount * (nuint)Unsafe.SizeOf<T>());

        internal static void ZeroMemory(byte* destination, nuint length)
        {
            nuint i = 0;
            for (; i + 8 <= length; i += 8) *(ulong*)(destination + i) = 0;
            for (; i < length; i++) destination[i] = 0;
        }

        // Called by ILC for copies of structs that hold references. The collector never moves objects, so a plain copy.
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
            => Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), byteCount);
    }

    // Bound by name by ILC for block copies and initialisation.
    internal static unsafe class SpanHelpers
    {
        internal static void Memmove(ref byte destination, ref byte source, nuint length)
            => Buffer.Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), length);

        internal static void Fill(ref byte destination, byte value, nuint length)
        {
            byte* d = (byte*)Unsafe.AsPointer(ref destination);
            for (nuint i = 0; i < length; i++) d[i] = value;
        }

        internal static void ClearWithoutReferences(ref byte destination, nuint length)
            => Buffer.ZeroMemory((byte*)Unsafe.AsPointer(ref destination), length);

        internal static void ClearWithReferences(ref nint destination, nuint pointerCount)
            => Buffer.ZeroMemory((byte*)Unsafe.AsPointer(ref destination), pointerCount * (nuint)sizeof(nint));
    }
}
