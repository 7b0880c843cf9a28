using System;
using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.CoreLib
{
    static class SpanTests
    {
        [KernelTest]
        internal static void IndexerAndSlice()
        {
            int[] array = { 0, 1, 2, 3, 4, 5 };
            Span<int> span = array;
            Assert.Equal(6, span.Length, "Length");
            span[2] = 20;
            Assert.Equal(20, array[2], "writes through to the array");
            Span<int> middle = span.Slice(1, 3);
            Assert.Equal(3, middle.Length, "Slice length");
            Assert.Equal(1, middle[0], "Slice start");
            Assert.Equal(3, middle[2], "Slice end");
            Assert.Equal(4, span.Slice(4)[0], "Slice(start)");
            Assert.True(span.Slice(6).IsEmpty, "empty slice at the end");
            ReadOnlySpan<int> readOnly = span;
            Assert.Equal(20, readOnly[2], "Span -> ReadOnlySpan");
            ReadOnlySpan<int> fromArray = array;
            Assert.Equal(5, fromArray[5], "T[] -> ReadOnlySpan");
        }

        [KernelTest]
        internal static void FillClearToArray()
        {
            Span<int> span = new int[5];
            span.Fill(7);
            Assert.Equal(7, span[0], "Fill first");
            Assert.Equal(7, span[4], "Fill last");
            span.Slice(1, 2).Clear();
            Assert.Equal(7, span[0], "Clear leaves the rest");
            Assert.Equal(0, span[1], "Clear first");
            Assert.Equal(0, span[2], "Clear last");
            Assert.Equal(7, span[3], "after the cleared range");
            int[] copy = span.ToArray();
            Assert.Equal(5, copy.Length, "ToArray length");
            copy[0] = 1;
            Assert.Equal(7, span[0], "ToArray copies");
            string[] strings = new string[3];
            new Span<string>(strings).Fill("s");
            Assert.Equal("s", strings[2], "Fill with references");
        }

        [KernelTest]
        internal static void CopyToOverlapping()
        {
            int[] forward = { 1, 2, 3, 4, 5, 6 };
            new Span<int>(forward, 0, 4).CopyTo(new Span<int>(forward, 2, 4));
            Assert.Equal("121234", Join(forward), "copy to a later, overlapping range");
            int[] backward = { 1, 2, 3, 4, 5, 6 };
            new Span<int>(backward, 2, 4).CopyTo(backward);
            Assert.Equal("345656", Join(backward), "copy to an earlier, overlapping range");
            string[] names = { "a", "b", "c" };
            new Span<string>(names, 0, 2).CopyTo(new Span<string>(names, 1, 2));
            Assert.Equal("a", names[1], "references, overlapping");
            Assert.Equal("b", names[2], "references, overlapping (last)");
        }

        [KernelTest]
        internal static void ForeachAndStackalloc()
        {
            Span<int> span = stackalloc int[4];
            for (int i = 0; i < span.Length; i++) span[i] = i + 1;
            int sum = 0;
            foreach (int x in span) sum += x;
            Assert.Equal(10, sum, "foreach over a stackalloc span");
            foreach (ref int x in span) x *= 2;
            Assert.Equal(8, span[3], "foreach by ref writes");
            Span<byte> bytes = stackalloc byte[] { 1, 2, 3 };
            Assert.Equal(3, bytes[2], "stackalloc with an initializer");
            ReadOnlySpan<char> chars = "span";
            int n = 0;
            foreach (char c in chars) n += c == 'a' ? 1 : 0;
            Assert.Equal(1, n, "foreach over ReadOnlySpan<char>");
        }

        [KernelTest]
        internal static void StringAsSpan()
        {
            ReadOnlySpan<char> span = "kernel";
            Assert.Equal(6, span.Length, "string -> ReadOnlySpan<char>");
            Assert.Equal('r', span[2], "indexer");
            Assert.Equal("ern", new string(span.Slice(1, 3)), "slice back to a string");
            Assert.True("kernel".AsSpan().SequenceEqual("kernel"), "SequenceEqual");
            Assert.False("kernel".AsSpan().SequenceEqual("kernal"), "SequenceEqual differs");
            ReadOnlySpan<char> none = (string)null;
            Assert.True(none.IsEmpty, "null string is an empty span");
            char c = 'x';
            ReadOnlySpan<char> one = new ReadOnlySpan<char>(ref c);
            Assert.Equal("x", new string(one), "span over one element");
        }

        static string Join(int[] values)
        {
            string result = "";
            foreach (int v in values) result += v.ToString();
            return result;
        }
    }
}
