using System.Runtime.CompilerServices;

namespace System.Threading
{
    // Atomic read-modify-write operations, as in the BCL. The [Intrinsic] members are expanded by ILC's code generator
    // into locked instructions (lock cmpxchg, xchg, lock xadd, lock or [rsp]): a self-call in an intrinsic's body tells
    // it the expansion is required, so the body never runs. The rest are built on those.
    public static class Interlocked
    {
        [Intrinsic]
        public static int CompareExchange(ref int location1, int value, int comparand)
            => CompareExchange(ref location1, value, comparand);

        [Intrinsic]
        public static long CompareExchange(ref long location1, long value, long comparand)
            => CompareExchange(ref location1, value, comparand);

        public static uint CompareExchange(ref uint location1, uint value, uint comparand)
            => (uint)CompareExchange(ref Unsafe.As<uint, int>(ref location1), (int)value, (int)comparand);

        public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand)
            => (ulong)CompareExchange(ref Unsafe.As<ulong, long>(ref location1), (long)value, (long)comparand);

        public static nint CompareExchange(ref nint location1, nint value, nint comparand)
            => (nint)CompareExchange(ref Unsafe.As<nint, long>(ref location1), value, comparand);

        [Intrinsic]
        public static int Exchange(ref int location1, int value) => Exchange(ref location1, value);

        [Intrinsic]
        public static long Exchange(ref long location1, long value) => Exchange(ref location1, value);

        public static uint Exchange(ref uint location1, uint value)
            => (uint)Exchange(ref Unsafe.As<uint, int>(ref location1), (int)value);

        public static ulong Exchange(ref ulong location1, ulong value)
            => (ulong)Exchange(ref Unsafe.As<ulong, long>(ref location1), (long)value);

        public static nint Exchange(ref nint location1, nint value)
            => (nint)Exchange(ref Unsafe.As<nint, long>(ref location1), value);

        public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;

        public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;

        public static uint Add(ref uint location1, uint value)
            => (uint)Add(ref Unsafe.As<uint, int>(ref location1), (int)value);

        public static ulong Add(ref ulong location1, ulong value)
            => (ulong)Add(ref Unsafe.As<ulong, long>(ref location1), (long)value);

        public static int Increment(ref int location) => Add(ref location, 1);

        public static long Increment(ref long location) => Add(ref location, 1);

        public static uint Increment(ref uint location) => Add(ref location, 1);

        public static ulong Increment(ref ulong location) => Add(ref location, 1);

        public static int Decrement(ref int location) => Add(ref location, -1);

        public static long Decrement(ref long location) => Add(ref location, -1);

        public static uint Decrement(ref uint location) => (uint)Add(ref Unsafe.As<uint, int>(ref location), -1);

        public static ulong Decrement(ref ulong location) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location), -1);

        // A full fence: no load or store moves across it, in the compiler or the processor.
        [Intrinsic]
        public static void MemoryBarrier() => MemoryBarrier();

        // Returns the value before the addition.
        [Intrinsic]
        static int ExchangeAdd(ref int location1, int value) => ExchangeAdd(ref location1, value);

        [Intrinsic]
        static long ExchangeAdd(ref long location1, long value) => ExchangeAdd(ref location1, value);
    }
}
