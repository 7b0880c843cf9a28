using System;
using System.Collections.Generic;
using Cosmos.Kernel.Diagnostics.Testing;
using Internal.Runtime;

namespace Cosmos.Kernel.Tests.CoreLib
{
    static class StringTests
    {
        [KernelTest]
        internal static void LengthAndIndexer()
        {
            string s = "kernel";
            Assert.Equal(6, s.Length, "Length");
            Assert.Equal('k', s[0], "s[0]");
            Assert.Equal('l', s[5], "s[5]");
            Assert.Equal(0, "".Length, "empty Length");
        }

        [KernelTest]
        internal static unsafe void Constructors()
        {
            Assert.Equal("xxxx", new string('x', 4), "new string(char, int)");
            Assert.Equal("", new string('x', 0), "new string(char, 0)");
            char* chars = stackalloc char[] { 'a', 'b', 'c', 'd' };
            Assert.Equal("bc", new string(chars, 1, 2), "new string(char*, int, int)");
            Assert.Equal("abc", new string(new[] { 'a', 'b', 'c' }), "new string(char[])");
            Assert.Equal("bc", new string(new[] { 'a', 'b', 'c' }, 1, 2), "new string(char[], int, int)");
            Assert.Equal("ker", new string("kernel".AsSpan().Slice(0, 3)), "new string(ReadOnlySpan<char>)");
        }

        [KernelTest]
        internal static void Equality()
        {
            string a = "hello", b = new string(new[] { 'h', 'e', 'l', 'l', 'o' });
            Assert.False((object)a == b, "distinct objects");
            Assert.True(a == b, "== compares contents");
            Assert.True(a.Equals(b), "Equals(string)");
            Assert.True(a.Equals((object)b), "Equals(object)");
            Assert.True(string.Equals(a, b), "static Equals");
            Assert.False(a == "hellO", "different contents");
            Assert.False(a == null, "not equal to null");
            Assert.True(a != "help", "!=");
            Assert.False(a.Equals((object)5), "not equal to a boxed int");
        }

        [KernelTest]
        internal static void HashCodeFollowsContents()
        {
            string a = "hash me", b = new string(new[] { 'h', 'a', 's', 'h', ' ', 'm', 'e' });
            Assert.Equal(a.GetHashCode(), b.GetHashCode(), "equal strings hash alike");
            Assert.True(a.GetHashCode() != "hash mE".GetHashCode(), "different strings hash differently");
        }

        [KernelTest]
        internal static void Searching()
        {
            string s = "the quick brown fox";
            Assert.Equal(4, s.IndexOf('q'), "IndexOf(char)");
            Assert.Equal(-1, s.IndexOf('z'), "IndexOf missing char");
            Assert.Equal(12, s.IndexOf('o', 11), "IndexOf(char, start)");
            Assert.Equal(10, s.IndexOf("brown"), "IndexOf(string)");
            Assert.Equal(-1, s.IndexOf("browns"), "IndexOf missing string");
            Assert.Equal(0, s.IndexOf(""), "IndexOf empty string");
            Assert.True(s.StartsWith("the "), "StartsWith");
            Assert.False(s.StartsWith("quick"), "not StartsWith");
            Assert.True(s.EndsWith("fox"), "EndsWith");
            Assert.False(s.EndsWith("the quick brown fox!"), "EndsWith longer");
            Assert.True(s.Contains("quick"), "Contains(string)");
            Assert.True(s.Contains('x'), "Contains(char)");
        }

        [KernelTest]
        internal static void SubstringAndTrim()
        {
            string s = "  padded text \t\n";
            Assert.Equal("padded text", s.Trim(), "Trim");
            Assert.Equal("text", "padded text".Substring(7), "Substring(start)");
            Assert.Equal("dd", "padded".Substring(2, 2), "Substring(start, length)");
            Assert.Equal("", "abc".Substring(3), "Substring at the end");
            Assert.Equal("", "   ".Trim(), "Trim of blanks");
            string s2 = "same";
            Assert.Same(s2, s2.Trim(), "Trim without whitespace returns the same string");
        }

        [KernelTest]
        internal static void Padding()
        {
            Assert.Equal("  7", "7".PadLeft(3), "PadLeft");
            Assert.Equal("ab  ", "ab".PadRight(4), "PadRight");
            string s = "wide";
            Assert.Same(s, s.PadLeft(2), "PadLeft narrower than the string returns it");
            Assert.Same(s, s.PadRight(4), "PadRight to its own width returns it");
        }

        [KernelTest]
        internal static void ConcatOverloads()
        {
            string a = "a", b = "b", c = "c", d = "d", e = "e";
            Assert.Equal("ab", string.Concat(a, b), "2 strings");
            Assert.Equal("abc", string.Concat(a, b, c), "3 strings");
            Assert.Equal("abcd", string.Concat(a, b, c, d), "4 strings");
            Assert.Equal("abcde", string.Concat(a, b, c, d, e), "params strings");
            Assert.Equal("abcde", string.Concat(new[] { a, b, c, d, e }), "string[]");
            Assert.Equal("ac", string.Concat(a, null, c), "null string parts are empty");
            Assert.Equal("5", string.Concat((object)5), "1 object");
            Assert.Equal("1True", string.Concat((object)1, (object)true), "2 objects");
            Assert.Equal("1xA", string.Concat((object)1, (object)"x", (object)'A'), "3 objects");
            Assert.Equal("12345", string.Concat((object)1, (object)2, (object)3, (object)4, (object)5), "params objects");
            Assert.Equal("1234", string.Concat(new object[] { 1, 2, null, 3, 4 }), "object[] with null");
            Assert.Equal("xy", string.Concat("xyz".AsSpan().Slice(0, 1), "y".AsSpan()), "2 spans");
            Assert.Equal("xyz", string.Concat("x".AsSpan(), "y".AsSpan(), "z".AsSpan()), "3 spans");
            Assert.Equal("wxyz", string.Concat("w".AsSpan(), "x".AsSpan(), "y".AsSpan(), "z".AsSpan()), "4 spans");
            Assert.Equal("pqr", string.Concat((IEnumerable<string>)new[] { "p", "q", "r" }), "IEnumerable<string>");
            Assert.Equal("123", string.Concat<int>(new[] { 1, 2, 3 }), "IEnumerable<T>");
        }

        [KernelTest]
        internal static void PlusOperator()
        {
            int n = 42;
            char c = '!';
            string s = "n=" + n + c + " " + true + null + 'x';
            Assert.Equal("n=42! Truex", s, "+ with int, char, bool, null");
        }

        [KernelTest]
        internal static void ToStringReturnsItself()
        {
            string s = "me";
            Assert.Same(s, s.ToString(), "ToString");
            object o = s;
            Assert.Same(s, o.ToString(), "virtual ToString");
        }

        [KernelTest]
        internal static void ForeachOverString()
        {
            ulong before = RuntimeDiagnostics.AllocatedBytes;
            int sum = 0, count = 0;
            foreach (char c in "abc")
            {
                sum += c;
                count++;
            }
            Assert.Equal(3, count, "chars visited");
            Assert.Equal('a' + 'b' + 'c', sum, "sum of chars");
            Assert.Equal(before, RuntimeDiagnostics.AllocatedBytes, "foreach over a string does not allocate");
        }

        [KernelTest]
        internal static void Interpolation()
        {
            int x = 42;
            long big = long.MinValue;
            string name = "cosmos";
            object nothing = null;
            Assert.Equal("a 42 b", $"a {x} b", "int hole");
            Assert.Equal("x=2A y=002a", $"x={x:X} y={x:x4}", "formats");
            Assert.Equal("[cosmos]", $"[{name}]", "string hole");
            Assert.Equal("-9223372036854775808|True|c|", $"{big}|{true}|{'c'}|{nothing}", "long, bool, char, null object");
            Assert.Equal("[   42][42   ]", $"[{x,5}][{x,-5}]", "alignment");
            Assert.Equal("[  0x2A]", $"[{"0x" + x.ToString("X"),6}]", "aligned string");
            Assert.Equal("ulong 18446744073709551615", $"ulong {ulong.MaxValue}", "ulong hole");
            string longer = $"{name}{name}{name}{name}{name}{name}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}";
            Assert.Equal(6 * 6 + 10 * 2, longer.Length, "grows past the first buffer");
        }

        [KernelTest]
        internal static void CompareOrdinal()
        {
            Assert.Equal(0, string.CompareOrdinal("bin", "bin"), "equal");
            Assert.True(string.CompareOrdinal("B", "a") < 0, "upper case sorts first");
            Assert.True(string.CompareOrdinal("ab", "a") > 0, "a prefix sorts first");
            Assert.True(string.CompareOrdinal(null, "") < 0, "null sorts first");
        }
    }
}
