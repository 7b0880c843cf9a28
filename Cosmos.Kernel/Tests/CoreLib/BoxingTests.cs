using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.CoreLib
{
    // Boxing and unboxing, above all Nullable<T>: a boxed Nullable never exists (null or a boxed T instead), and the
    // value sits at an offset that depends on T's alignment.
    static class BoxingTests
    {
        struct Pair
        {
            public int A;
            public long B;
        }

        struct Wide
        {
            public long Low;
            public long High;
        }

        enum Color : short { Red = 1, Green = 7 }

        [KernelTest]
        internal static void BoxAndUnboxInt()
        {
            object boxed = 1234;
            Assert.True(boxed is int, "boxed int is int");
            Assert.False(boxed is long, "boxed int is not long");
            Assert.Equal(1234, (int)boxed, "unboxed int");
        }

        [KernelTest]
        internal static void BoxedEnumUnboxesAsUnderlyingType()
        {
            object boxed = Color.Green;
            Assert.True(boxed is Color, "boxed enum is its enum");
            Assert.Equal(7, (short)boxed, "enum unboxed as its underlying type");
            Assert.True(boxed.Equals(Color.Green), "boxed enum equals the same value");
            Assert.False(boxed.Equals(Color.Red), "boxed enum differs from another value");
        }

        [KernelTest]
        internal static void NullNullableBoxesToNull()
        {
            Assert.Null(Box<byte>(null), "byte?");
            Assert.Null(Box<short>(null), "short?");
            Assert.Null(Box<int>(null), "int?");
            Assert.Null(Box<long>(null), "long?");
            Assert.Null(Box<Wide>(null), "Wide? (16 bytes)");
            Assert.Null(Box<Pair>(null), "Pair?");
        }

        [KernelTest]
        internal static void NullableWithValueBoxesToT()
        {
            object b = Box<byte>(0xAB);
            Assert.True(b is byte, "byte? boxes to byte");
            Assert.Equal(0xAB, (byte)b, "byte value");
            object s = Box<short>(-12345);
            Assert.True(s is short, "short? boxes to short");
            Assert.Equal(-12345, (short)s, "short value");
            object i = Box<int>(0x12345678);
            Assert.True(i is int, "int? boxes to int");
            Assert.Equal(0x12345678, (int)i, "int value");
            object l = Box<long>(0x123456789ABCDEF0);
            Assert.True(l is long, "long? boxes to long");
            Assert.Equal(0x123456789ABCDEF0, (long)l, "long value");
            object w = Box<Wide>(new Wide { Low = -1, High = 0x0102030405060708 });
            Assert.True(w is Wide, "Wide? boxes to Wide");
            Wide wide = (Wide)w;
            Assert.Equal(-1, wide.Low, "Wide.Low");
            Assert.Equal(0x0102030405060708, wide.High, "Wide.High");
            object p = Box<Pair>(new Pair { A = 5, B = -6 });
            Assert.True(p is Pair, "Pair? boxes to Pair");
            Pair pair = (Pair)p;
            Assert.Equal(5, pair.A, "Pair.A");
            Assert.Equal(-6, pair.B, "Pair.B");
        }

        [KernelTest]
        internal static void UnboxToNullable()
        {
            Assert.True(Unbox<byte>((byte)200) == 200, "byte? from boxed byte");
            Assert.True(Unbox<short>((short)-2) == -2, "short? from boxed short");
            Assert.True(Unbox<int>(-7) == -7, "int? from boxed int");
            Assert.True(Unbox<long>(long.MinValue) == long.MinValue, "long? from boxed long");
            Wide? wide = Unbox<Wide>(new Wide { Low = 1, High = 2 });
            Assert.True(wide.HasValue && wide.Value.Low == 1 && wide.Value.High == 2, "Wide? from boxed Wide");
            Pair? pair = Unbox<Pair>(new Pair { A = 3, B = 4 });
            Assert.True(pair.HasValue && pair.Value.A == 3 && pair.Value.B == 4, "Pair? from boxed Pair");
            Assert.False(Unbox<int>(null).HasValue, "int? from null has no value");
            Assert.False(Unbox<Wide>(null).HasValue, "Wide? from null has no value");
        }

        [KernelTest]
        internal static void UnboxToNullableDoesNotWritePastIt()
        {
            // The unbox helper must write exactly sizeof(int?) bytes: the guards around it must survive.
            Guarded guarded = new Guarded { Before = 0x1111, After = 0x2222 };
            guarded.Value = Unbox<int>(99);
            Assert.True(guarded.Value == 99, "value");
            Assert.Equal(0x1111, guarded.Before, "field before");
            Assert.Equal(0x2222, guarded.After, "field after");
        }

        struct Guarded
        {
            public int Before;
            public int? Value;
            public int After;
        }

        [KernelTest]
        internal static void NullableIsPattern()
        {
            object boxed = 42;
            Assert.True(boxed is int?, "boxed int is int?");
            int? n = boxed as int?;
            Assert.True(n == 42, "as int?");
            Assert.True((object)"text" as int? == null, "a string is not int?");
        }

        // Generic, so ILC cannot fold the boxing away at compile time.
        static object Box<T>(T? value) where T : struct => value;

        static T? Unbox<T>(object value) where T : struct => (T?)value;
    }
}
