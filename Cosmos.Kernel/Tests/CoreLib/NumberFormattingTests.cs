using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.CoreLib
{
    static class NumberFormattingTests
    {
        [KernelTest]
        internal static void Decimal()
        {
            Assert.Equal("0", 0.ToString(), "0");
            Assert.Equal("12345", 12345.ToString(), "int");
            Assert.Equal("-42", (-42).ToString(), "negative int");
            Assert.Equal("-2147483648", int.MinValue.ToString(), "int.MinValue");
            Assert.Equal("2147483647", int.MaxValue.ToString(), "int.MaxValue");
            Assert.Equal("-9223372036854775808", long.MinValue.ToString(), "long.MinValue");
            Assert.Equal("9223372036854775807", long.MaxValue.ToString(), "long.MaxValue");
            Assert.Equal("4294967295", uint.MaxValue.ToString(), "uint.MaxValue");
            Assert.Equal("18446744073709551615", ulong.MaxValue.ToString(), "ulong.MaxValue");
            Assert.Equal("-32768", short.MinValue.ToString(), "short.MinValue");
            Assert.Equal("255", byte.MaxValue.ToString(), "byte.MaxValue");
            Assert.Equal("-128", sbyte.MinValue.ToString(), "sbyte.MinValue");
            Assert.Equal("65535", ushort.MaxValue.ToString(), "ushort.MaxValue");
        }

        [KernelTest]
        internal static void Hex()
        {
            Assert.Equal("FF", 255.ToString("X"), "255 X");
            Assert.Equal("ff", 255.ToString("x"), "255 x");
            Assert.Equal("000000ff", 255.ToString("x8"), "255 x8");
            Assert.Equal("FFFFFFFF", (-1).ToString("X"), "-1 X (int width)");
            Assert.Equal("FFFF", ((short)-1).ToString("X"), "short -1 X");
            Assert.Equal("FF", ((sbyte)-1).ToString("X"), "sbyte -1 X");
            Assert.Equal("80000000", int.MinValue.ToString("X"), "int.MinValue X");
            Assert.Equal("FFFFFFFFFFFFFFFF", ulong.MaxValue.ToString("X"), "ulong.MaxValue X");
            Assert.Equal("8000000000000000", long.MinValue.ToString("X"), "long.MinValue X");
            Assert.Equal("0", 0.ToString("X"), "0 X");
            Assert.Equal("DEADBEEF", 0xDEADBEEFu.ToString("X2"), "precision below the digit count");
        }

        [KernelTest]
        internal static void DecimalPrecision()
        {
            Assert.Equal("00042", 42.ToString("D5"), "42 D5");
            Assert.Equal("-00042", (-42).ToString("D5"), "-42 D5");
            Assert.Equal("123456", 123456.ToString("D3"), "precision below the digit count");
            Assert.Equal("7", 7.ToString("D"), "D without precision");
            Assert.Equal("0000000000000000000000000000000000000001", 1L.ToString("D40"), "precision wider than any value");
        }

        [KernelTest]
        internal static void BoolAndChar()
        {
            Assert.Equal("True", true.ToString(), "true");
            Assert.Equal("False", false.ToString(), "false");
            Assert.Equal("A", 'A'.ToString(), "char");
        }

        [KernelTest]
        internal static void TryFormat()
        {
            System.Span<char> buffer = stackalloc char[8];
            Assert.True((-1234).TryFormat(buffer, out int written), "fits");
            Assert.Equal("-1234", new string(buffer.Slice(0, written)), "TryFormat text");
            Assert.False(123456789.TryFormat(buffer, out written), "does not fit in 8 chars");
            Assert.Equal(0, written, "nothing written when it does not fit");
            Assert.True(0xABCDu.TryFormat(buffer, out written, "x6"), "hex into span");
            Assert.Equal("00abcd", new string(buffer.Slice(0, written)), "hex TryFormat text");
        }
    }
}
