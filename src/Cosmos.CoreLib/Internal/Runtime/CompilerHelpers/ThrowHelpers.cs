using System;

namespace Internal.Runtime.CompilerHelpers
{
    // Called by ILC-generated code for implicit exceptions (bounds checks, null checks, checked arithmetic, casts).
    internal static class ThrowHelpers
    {
        public static void ThrowOverflowException() => throw new OverflowException();
        public static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        public static void ThrowNullReferenceException() => throw new NullReferenceException();
        public static void ThrowDivideByZeroException() => throw new DivideByZeroException();
        public static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        public static void ThrowArgumentException() => throw new ArgumentException();
        public static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
        public static void ThrowNotImplementedException() => throw new NotImplementedException();
        public static void ThrowInvalidCastException() => throw new InvalidCastException();
        public static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
        public static void ThrowFeatureBodyRemoved() => Environment.FailFast("a method removed by the compiler was called");
    }
}
