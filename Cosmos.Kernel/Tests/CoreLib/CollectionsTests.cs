using System;
using System.Collections.Generic;
using Cosmos.Kernel.Diagnostics.Testing;
using Internal.Runtime;

namespace Cosmos.Kernel.Tests.CoreLib
{
    static class CollectionsTests
    {
        enum Kind { None, Disk, Net, Serial }

        class Node
        {
            public int Id;
            public Node(int id) { Id = id; }
        }

        [KernelTest]
        internal static void ListAddIndexRemove()
        {
            var list = new List<int>();
            for (int i = 0; i < 10; i++) list.Add(i * i);
            Assert.Equal(10, list.Count, "Count after 10 adds (grows past the first capacity)");
            Assert.Equal(49, list[7], "indexer");
            list[7] = -1;
            Assert.Equal(-1, list[7], "indexer set");
            Assert.True(list.Remove(-1), "Remove present item");
            Assert.False(list.Remove(12345), "Remove missing item");
            Assert.Equal(9, list.Count, "Count after Remove");
            Assert.Equal(64, list[7], "items after the removed one shift down");
            list.RemoveAt(0);
            Assert.Equal(1, list[0], "RemoveAt(0)");
            list.Insert(0, 100);
            list.Insert(list.Count, 200);
            Assert.Equal(100, list[0], "Insert at 0");
            Assert.Equal(200, list[list.Count - 1], "Insert at end");
            Assert.Equal(1, list[1], "Insert shifts up");
            Assert.True(list.Contains(81), "Contains");
            Assert.Equal(3, list.IndexOf(9), "IndexOf");
            Assert.Equal(-1, list.IndexOf(7), "IndexOf missing");
            list.Clear();
            Assert.Equal(0, list.Count, "Clear");
            Assert.False(list.Contains(100), "nothing left after Clear");
        }

        [KernelTest]
        internal static void ListOfReferencesAndStrings()
        {
            var nodes = new List<Node>();
            Node a = new Node(1), b = new Node(2);
            nodes.Add(a);
            nodes.Add(b);
            Assert.Equal(1, nodes.IndexOf(b), "IndexOf by identity");
            Assert.False(nodes.Contains(new Node(1)), "a different object is not contained");
            var names = new List<string> { "alpha", "beta" };
            Assert.True(names.Contains(new string(new[] { 'b', 'e', 't', 'a' })), "strings compare by contents");
            Assert.True(names.Remove("alpha"), "Remove string");
            Assert.Equal("beta", names[0], "remaining string");
        }

        [KernelTest]
        internal static void ListForeachToArraySort()
        {
            var list = new List<int> { 5, 3, 9, 1, 7, 2, 8 };
            int sum = 0;
            ulong before = RuntimeDiagnostics.AllocatedBytes;
            foreach (int x in list) sum += x;
            Assert.Equal(before, RuntimeDiagnostics.AllocatedBytes, "foreach with the struct enumerator allocates nothing");
            Assert.Equal(35, sum, "foreach sum");
            list.Sort((x, y) => x.CompareTo(y));
            int[] sorted = list.ToArray();
            Assert.Equal(7, sorted.Length, "ToArray length");
            for (int i = 1; i < sorted.Length; i++) Assert.True(sorted[i - 1] <= sorted[i], "ascending at " + i.ToString());
            Assert.Equal(1, sorted[0], "smallest first");
            Assert.Equal(9, sorted[6], "largest last");
            list.Sort((x, y) => y - x);
            Assert.Equal(9, list[0], "descending comparison");
            var words = new List<string> { "pear", "fig", "banana" };
            words.Sort((x, y) => x.Length - y.Length);
            Assert.Equal("fig", words[0], "sort strings by length");
            Assert.Equal("banana", words[2], "longest last");
        }

        [KernelTest]
        internal static void ListThroughInterfaces()
        {
            IList<int> list = new List<int> { 1, 2, 3 };
            list.Add(4);
            Assert.Equal(4, list.Count, "IList.Count");
            int sum = 0;
            foreach (int x in (IEnumerable<int>)list) sum += x;
            Assert.Equal(10, sum, "foreach over IEnumerable<int> (boxed enumerator)");
            var copy = new List<int>(new[] { 7, 8 });
            Assert.Equal(2, copy.Count, "List(IEnumerable) from an array");
            Assert.Equal(8, copy[1], "copied item");
        }

        [KernelTest]
        internal static void DictionaryBasics()
        {
            var d = new Dictionary<string, int>();
            d.Add("one", 1);
            d.Add("two", 2);
            d["three"] = 3;
            Assert.Equal(3, d.Count, "Count");
            Assert.Equal(2, d["two"], "indexer get");
            d["two"] = 22;
            Assert.Equal(22, d["two"], "indexer set overwrites");
            Assert.Equal(3, d.Count, "overwrite keeps Count");
            Assert.True(d.TryGetValue(new string(new[] { 'o', 'n', 'e' }), out int one), "TryGetValue with an equal string");
            Assert.Equal(1, one, "TryGetValue value");
            Assert.False(d.TryGetValue("four", out int missing), "TryGetValue missing");
            Assert.Equal(0, missing, "missing value is default");
            Assert.True(d.ContainsKey("three"), "ContainsKey");
            Assert.False(d.TryAdd("one", 100), "TryAdd of an existing key");
            Assert.True(d.Remove("one"), "Remove");
            Assert.False(d.Remove("one"), "Remove again");
            Assert.False(d.ContainsKey("one"), "removed key is gone");
            Assert.Equal(2, d.Count, "Count after Remove");
            d.Add("four", 4); // reuses the freed entry
            Assert.Equal(4, d["four"], "added after a removal");
            Assert.Equal(3, d.Count, "Count after re-add");
        }

        [KernelTest]
        internal static void DictionaryGrowsAndKeepsEverything()
        {
            var d = new Dictionary<int, int>();
            for (int i = 0; i < 200; i++) d.Add(i * 7, i);
            Assert.Equal(200, d.Count, "Count after 200 adds");
            bool all = true;
            for (int i = 0; i < 200; i++) all &= d.TryGetValue(i * 7, out int v) && v == i;
            Assert.True(all, "every key maps to its value after resizes");
            for (int i = 0; i < 200; i += 2) d.Remove(i * 7);
            Assert.Equal(100, d.Count, "Count after removing half");
            Assert.False(d.ContainsKey(14), "removed key");
            Assert.True(d.ContainsKey(7), "kept key");
            d.Clear();
            Assert.Equal(0, d.Count, "Clear");
            Assert.False(d.ContainsKey(7), "nothing after Clear");
        }

        [KernelTest]
        internal static void DictionaryEnumeration()
        {
            var d = new Dictionary<int, string> { [3] = "c", [1] = "a", [2] = "b" };
            int keySum = 0;
            string values = "";
            foreach (KeyValuePair<int, string> pair in d)
            {
                keySum += pair.Key;
                values += pair.Value;
            }
            Assert.Equal(6, keySum, "foreach keys");
            Assert.Equal("cab", values, "foreach visits in insertion order");
            int keys = 0;
            foreach (int key in d.Keys) keys += key;
            Assert.Equal(6, keys, "Keys");
            string vals = "";
            foreach (string value in d.Values) vals += value;
            Assert.Equal("cab", vals, "Values");
            Assert.Equal(3, d.Keys.Count, "Keys.Count");
            foreach (var (key, value) in d) Assert.Equal(key, value[0] - 'a' + 1, "deconstruction");
        }

        [KernelTest]
        internal static void DictionaryLookupsDoNotAllocate()
        {
            var d = new Dictionary<int, int> { [1] = 10, [2] = 20 };
            var byKind = new Dictionary<Kind, int> { [Kind.Disk] = 1, [Kind.Serial] = 3 };
            ulong before = RuntimeDiagnostics.AllocatedBytes;
            bool found = d.TryGetValue(2, out int twenty) && d.ContainsKey(1) && !d.ContainsKey(3);
            found &= byKind.TryGetValue(Kind.Serial, out int three) && !byKind.ContainsKey(Kind.Net);
            Assert.Equal(before, RuntimeDiagnostics.AllocatedBytes, "int and enum keys compare without boxing");
            Assert.True(found, "lookups");
            Assert.Equal(20, twenty, "int key value");
            Assert.Equal(3, three, "enum key value");
        }

        [KernelTest]
        internal static void EqualityComparerDefault()
        {
            Assert.True(EqualityComparer<int>.Default.Equals(5, 5), "int equal");
            Assert.False(EqualityComparer<int>.Default.Equals(5, 6), "int different");
            Assert.True(EqualityComparer<string>.Default.Equals("ab", new string(new[] { 'a', 'b' })), "string by contents");
            Assert.True(EqualityComparer<string>.Default.Equals(null, null), "null strings");
            Assert.False(EqualityComparer<string>.Default.Equals("a", null), "string and null");
            Assert.True(EqualityComparer<Kind>.Default.Equals(Kind.Net, Kind.Net), "enum equal");
            Assert.False(EqualityComparer<Kind>.Default.Equals(Kind.Net, Kind.Disk), "enum different");
            Assert.True(EqualityComparer<int?>.Default.Equals(null, null), "nullable nulls");
            Assert.True(EqualityComparer<int?>.Default.Equals(4, 4), "nullable values");
            Assert.False(EqualityComparer<int?>.Default.Equals(4, null), "nullable value and null");
            Node node = new Node(1);
            Assert.True(EqualityComparer<Node>.Default.Equals(node, node), "same object");
            Assert.False(EqualityComparer<Node>.Default.Equals(node, new Node(1)), "different objects");
            Assert.Equal("ab".GetHashCode(), EqualityComparer<string>.Default.GetHashCode("ab"), "string hash");
            Assert.Equal(0, EqualityComparer<string>.Default.GetHashCode(null), "null hash");
        }

        [KernelTest]
        internal static void ArraysAsCollections()
        {
            int[] numbers = { 4, 5, 6 };
            IList<int> list = numbers;
            Assert.Equal(3, list.Count, "T[] as IList<T>: Count");
            Assert.Equal(5, list[1], "indexer");
            Assert.Equal(2, list.IndexOf(6), "IndexOf");
            int sum = 0;
            foreach (int x in (IEnumerable<int>)numbers) sum += x;
            Assert.Equal(15, sum, "foreach over T[] as IEnumerable<T>");
            string[] words = { "b", "a" };
            Array.Sort(words, (x, y) => x[0] - y[0]);
            Assert.Equal("a", words[0], "Array.Sort with Comparison");
            Assert.Equal(1, Array.IndexOf(words, "b"), "Array.IndexOf");
        }
    }
}
