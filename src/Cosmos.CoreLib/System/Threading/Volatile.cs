using System.Runtime.CompilerServices;

namespace System.Threading
{
    // Reads that later accesses cannot move before (acquire) and writes that earlier accesses cannot move after
    // (release), as in the BCL. The access goes through a C# volatile field, which ILC's code generator orders; on x64
    // that is a plain load or store that the compiler does not reorder, cache in a register or drop.
    public static class Volatile
    {
        public static bool Read(ref readonly bool location)
            => Unsafe.As<bool, VolatileBoolean>(ref Unsafe.AsRef(in location)).Value;

        public static int Read(ref readonly int location)
            => Unsafe.As<int, VolatileInt32>(ref Unsafe.AsRef(in location)).Value;

        public static uint Read(ref readonly uint location)
            => Unsafe.As<uint, VolatileUInt32>(ref Unsafe.AsRef(in location)).Value;

        public static long Read(ref readonly long location)
            => Unsafe.As<long, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;

        public static nint Read(ref readonly nint location)
            => Unsafe.As<nint, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;

        public static ulong Read(ref readonly ulong location)
            => (ulong)Unsafe.As<ulong, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;

        public static T Read<T>(ref readonly T location) where T : class
            => Unsafe.As<T>(Unsafe.As<T, VolatileObject>(ref Unsafe.AsRef(in location)).Value);

        public static void Write(ref bool location, bool value)
            => Unsafe.As<bool, VolatileBoolean>(ref location).Value = value;

        public static void Write(ref int location, int value)
            => Unsafe.As<int, VolatileInt32>(ref location).Value = value;

        public static void Write(ref uint location, uint value)
            => Unsafe.As<uint, VolatileUInt32>(ref location).Value = value;

        public static void Write(ref long location, long value)
            => Unsafe.As<long, VolatileIntPtr>(ref location).Value = (nint)value;

        public static void Write(ref nint location, nint value)
            => Unsafe.As<nint, VolatileIntPtr>(ref location).Value = value;

        public static void Write(ref ulong location, ulong value)
            => Unsafe.As<ulong, VolatileIntPtr>(ref location).Value = (nint)value;

        public static void Write<T>(ref T location, T value) where T : class
            => Unsafe.As<T, VolatileObject>(ref location).Value = value;

        struct VolatileBoolean { public volatile bool Value; }
        struct VolatileInt32 { public volatile int Value; }
        struct VolatileUInt32 { public volatile uint Value; }
        struct VolatileIntPtr { public volatile nint Value; }      // C# has no volatile long; x64 nint is 64 bits
        struct VolatileObject { public volatile object Value; }
    }
}
