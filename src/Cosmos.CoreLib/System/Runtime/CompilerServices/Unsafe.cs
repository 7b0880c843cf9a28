namespace System.Runtime.CompilerServices
{
    // The BCL's Unsafe: raw reinterpretation and byref arithmetic. ILC expands [Intrinsic] members itself; the bodies
    // below say the same thing in C# for the host build and for members ILC does not expand.
    public static unsafe class Unsafe
    {
        [Intrinsic]
        public static ref T Add<T>(ref T source, int elementOffset) => ref AsRef<T>((byte*)AsPointer(ref source) + (nint)elementOffset * sizeof(T));

        [Intrinsic]
        public static ref T Add<T>(ref T source, nint elementOffset) => ref AsRef<T>((byte*)AsPointer(ref source) + elementOffset * sizeof(T));

        [Intrinsic]
        public static ref T AddByteOffset<T>(ref T source, nint byteOffset) => ref AsRef<T>((byte*)AsPointer(ref source) + byteOffset);

        [Intrinsic]
        public static void* AsPointer<T>(ref T value)
        {
            fixed (T* p = &value) return p;
        }

        [Intrinsic]
        public static ref T AsRef<T>(void* source) => ref *(T*)source;

        [Intrinsic]
        public static ref T AsRef<T>(scoped ref readonly T source)
        {
            fixed (T* p = &source) return ref *p;
        }

        [Intrinsic]
        public static T As<T>(object o) where T : class => *(T*)&o;

        [Intrinsic]
        public static ref TTo As<TFrom, TTo>(ref TFrom source) => ref *(TTo*)AsPointer(ref source);

        [Intrinsic]
        public static int SizeOf<T>() => sizeof(T);

        [Intrinsic]
        public static bool AreSame<T>(ref readonly T left, ref readonly T right) => AsPointer(ref AsRef(in left)) == AsPointer(ref AsRef(in right));

        [Intrinsic]
        public static bool IsAddressGreaterThan<T>(ref readonly T left, ref readonly T right)
            => AsPointer(ref AsRef(in left)) > AsPointer(ref AsRef(in right));

        [Intrinsic]
        public static ref T NullRef<T>() => ref AsRef<T>(null);

        [Intrinsic]
        public static bool IsNullRef<T>(ref readonly T source) => AsPointer(ref AsRef(in source)) == null;

        [Intrinsic]
        public static T Read<T>(void* source) => *(T*)source;

        [Intrinsic]
        public static void Write<T>(void* destination, T value) { *(T*)destination = value; }
    }
}
