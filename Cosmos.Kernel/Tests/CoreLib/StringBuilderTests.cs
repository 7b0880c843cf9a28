using System.Text;
using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.CoreLib
{
    static class StringBuilderTests
    {
        [KernelTest]
        internal static void AppendOverloads()
        {
            var sb = new StringBuilder();
            sb.Append("id=").Append(42).Append(' ').Append(-7L).Append(' ').Append(ulong.MaxValue).Append(' ').Append(3u);
            sb.Append(' ').Append(true).Append(' ').Append((object)"obj").Append('x', 3);
            Assert.Equal("id=42 -7 18446744073709551615 3 True objxxx", sb.ToString(), "appended text");
            Assert.Equal(sb.ToString().Length, sb.Length, "Length");
        }

        [KernelTest]
        internal static void AppendLineInsertClear()
        {
            var sb = new StringBuilder("start");
            sb.AppendLine().AppendLine("line");
            Assert.Equal("start\nline\n", sb.ToString(), "AppendLine");
            sb.Insert(0, ">> ").Insert(3, '#');
            Assert.Equal(">> #start\nline\n", sb.ToString(), "Insert");
            Assert.Equal('#', sb[3], "indexer");
            sb[3] = '*';
            Assert.Equal(">> *start", sb.ToString().Substring(0, 9), "indexer set");
            sb.Length = 2;
            Assert.Equal(">>", sb.ToString(), "Length truncates");
            sb.Clear();
            Assert.Equal(0, sb.Length, "Clear");
            Assert.Equal("", sb.ToString(), "empty after Clear");
        }

        [KernelTest]
        internal static void GrowsPastCapacity()
        {
            var sb = new StringBuilder(2);
            for (int i = 0; i < 50; i++) sb.Append(i % 10);
            Assert.Equal(50, sb.Length, "50 digits");
            Assert.Equal("0123456789", sb.ToString().Substring(40), "last ten");
        }
    }
}
