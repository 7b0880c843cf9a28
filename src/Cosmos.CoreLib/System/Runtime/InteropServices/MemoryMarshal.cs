using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    public static unsafe class MemoryMarshal
    {
        public static ref T GetArrayDataReference<T>(T[] array)
        {
            // Element 0 follows the MethodTable pointer and the padded length. Computed from the raw object address:
            // ldelema here would call back into the array helpers that use this method.
            object o = array;
            return ref Unsafe.AsRef<T>(*(byte**)&o + 2 * sizeof(nint));
        }

        public static ref T GetReference<T>(Span<T> span) => ref span._reference;

        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

        public static Span<T> CreateSpan<T>(ref T reference, int length) => new Span<T>(ref reference, length);

        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref readonly T reference, int length)
            => new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);
    }
}
