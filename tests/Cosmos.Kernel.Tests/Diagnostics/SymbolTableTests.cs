using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Cosmos.Kernel.Diagnostics;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Diagnostics
{
    [TestFixture]
    public class SymbolTableTests
    {
        // "<hex address> <name>" lines, as the build writes kernel.sym.
        static SymbolTable Table(string text) => new SymbolTable(Encoding.ASCII.GetBytes(text));

        static string Lines(IEnumerable<(ulong Address, string Name)> symbols, string newline = "\n") =>
            string.Concat(symbols.Select(s => s.Address.ToString("x16") + " " + s.Name + newline));

        static (string[] Names, ulong[] Offsets) Resolve(SymbolTable table, params ulong[] addresses)
        {
            var names = new string[addresses.Length];
            var offsets = new ulong[addresses.Length];
            table.Resolve(addresses, names, offsets);
            return (names, offsets);
        }

        static (string Name, ulong Offset) ResolveOne(SymbolTable table, ulong address)
        {
            var (names, offsets) = Resolve(table, address);
            return (names[0], offsets[0]);
        }

        const string ThreeFunctions =
            "ffffffff80001000 first\n" +
            "ffffffff80001040 second\n" +
            "ffffffff80002000 third\n";

        [TestCase(0xffffffff80001000ul, "first", 0ul)]
        [TestCase(0xffffffff80001001ul, "first", 1ul)]
        [TestCase(0xffffffff8000103ful, "first", 0x3ful)]
        [TestCase(0xffffffff80001040ul, "second", 0ul)]
        [TestCase(0xffffffff80001fbbul, "second", 0xf7bul)]
        [TestCase(0xffffffff80002000ul, "third", 0ul)]
        public void AnAddressResolvesToTheNearestSymbolAtOrBelowIt(ulong address, string name, ulong offset)
        {
            Assert.That(ResolveOne(Table(ThreeFunctions), address), Is.EqualTo((name, offset)));
        }

        [TestCase(0ul)]
        [TestCase(0x1000ul)]
        [TestCase(0xffffffff80000ffful)]
        public void AnAddressBeforeTheFirstSymbolHasNoName(ulong address)
        {
            Assert.That(ResolveOne(Table(ThreeFunctions), address), Is.EqualTo(("", 0ul)));
        }

        [TestCase(0xffffffff80002001ul)]
        [TestCase(0xffffffffffff0000ul)]
        [TestCase(ulong.MaxValue)]
        public void TheLastSymbolExtendsToTheEndOfTheAddressSpace(ulong address)
        {
            Assert.That(ResolveOne(Table(ThreeFunctions), address), Is.EqualTo(("third", address - 0xffffffff80002000ul)));
        }

        [Test]
        public void ASymbolAtAddressZeroCoversTheLowAddresses()
        {
            var table = Table("0 zero\n10 sixteen\n");

            Assert.That(ResolveOne(table, 0), Is.EqualTo(("zero", 0ul)));
            Assert.That(ResolveOne(table, 0xf), Is.EqualTo(("zero", 0xful)));
        }

        [Test]
        public void AnEmptyTableNamesNothing()
        {
            var (names, offsets) = Resolve(Table(""), 0, 0x1000, ulong.MaxValue);

            Assert.That(names, Is.All.EqualTo(""));
            Assert.That(offsets, Is.All.Zero);
        }

        [Test]
        public void NoAddressesIsNothingToDo()
        {
            var (names, offsets) = Resolve(Table(ThreeFunctions));

            Assert.That(names, Is.Empty);
            Assert.That(offsets, Is.Empty);
        }

        [Test]
        public void ManyAddressesResolveInOneCallEachOnItsOwn()
        {
            ulong[] addresses = { 0xffffffff80002004, 5, 0xffffffff80001000, 0xffffffff80001044, 0xffffffff80001000, ulong.MaxValue };

            var (names, offsets) = Resolve(Table(ThreeFunctions), addresses);

            Assert.That(names, Is.EqualTo(new[] { "third", "", "first", "second", "first", "third" }));
            Assert.That(offsets, Is.EqualTo(new ulong[] { 4, 0, 0, 4, 0, ulong.MaxValue - 0xffffffff80002000 }));
        }

        [TestCase("zz001000 bad\n")]
        [TestCase("0x1000 prefixed\n")]
        [TestCase("10g0 bad\n")]
        [TestCase("-1000 negative\n")]
        [TestCase(" 1000 leading-space\n")]
        [TestCase("\t1000 tab\n")]
        [TestCase("1000\n")]                     // no name
        [TestCase("1000 \n")]                    // empty name
        [TestCase("\n\n\n")]
        public void LinesThatAreNotAddressAndNameAreIgnored(string noise)
        {
            // Each noise line, taken for a symbol, would be one at or below 0x1000: it would name both addresses below.
            var table = Table(noise + ThreeFunctions + noise);

            var (names, offsets) = Resolve(table, 0xffffffff80001020, 0x1000);

            Assert.That(names, Is.EqualTo(new[] { "first", "" }));
            Assert.That(offsets, Is.EqualTo(new ulong[] { 0x20, 0 }));
        }

        [Test]
        public void EverythingAfterTheAddressIsTheName()
        {
            // So a table in nm's default format ("<address> T <name>") would name symbols "T <name>": the build must
            // write plain "<address> <name>" lines.
            var table = Table(ThreeFunctions + "ffffffff80001020 T typed\n");

            Assert.That(ResolveOne(table, 0xffffffff80001021), Is.EqualTo(("T typed", 1ul)));
        }

        [Test]
        public void UpperCaseHexIsAccepted()
        {
            Assert.That(ResolveOne(Table("FFFFFFFF8000ABCD upper\n"), 0xffffffff8000abcf), Is.EqualTo(("upper", 2ul)));
        }

        [Test]
        public void WindowsLineEndsAreNotPartOfNames()
        {
            var table = Table(ThreeFunctions.Replace("\n", "\r\n"));

            var (names, offsets) = Resolve(table, 0xffffffff80001000, 0xffffffff80001041, 0xffffffff80002002);

            Assert.That(names, Is.EqualTo(new[] { "first", "second", "third" }));
            Assert.That(offsets, Is.EqualTo(new ulong[] { 0, 1, 2 }));
        }

        [Test]
        public void TheLastLineNeedsNoNewline()
        {
            Assert.That(ResolveOne(Table(ThreeFunctions.TrimEnd('\n')), 0xffffffff80002008), Is.EqualTo(("third", 8ul)));
        }

        [Test]
        public void NamesKeepEverythingAfterTheFirstSpace()
        {
            var table = Table("1000 Name With Spaces(int, char*)\n2000 S_P_CoreLib_System_String__Concat\n");

            Assert.That(ResolveOne(table, 0x1001).Name, Is.EqualTo("Name With Spaces(int, char*)"));
            Assert.That(ResolveOne(table, 0x2001).Name, Is.EqualTo("S_P_CoreLib_System_String__Concat"));
        }

        [Test]
        public void SymbolsSharingAnAddressResolveToOneOfThem()
        {
            // nm lists aliases (a function and its entry label) at one address: either name is right.
            var table = Table("1000 before\n2000 alias_a\n2000 alias_b\n3000 after\n");

            var (name, offset) = ResolveOne(table, 0x2010);

            Assert.That(name, Is.AnyOf("alias_a", "alias_b"));
            Assert.That(offset, Is.EqualTo(0x10));
        }

        // --- property: against a straightforward reference -----------------------------------------------------------

        [Test]
        public void RandomTablesInAnyLineOrderAgreeWithTheDefinition([Range(1, 100)] int seed)
        {
            var random = new Random(seed);
            // Distinct addresses, some clustered (neighbours a byte apart), some anywhere in the 64-bit space.
            var addresses = new SortedSet<ulong>();
            ulong cluster = (ulong)random.NextInt64() << 1;
            while (addresses.Count < random.Next(1, 60))
                addresses.Add(random.Next(3) == 0 ? (ulong)random.NextInt64() << 1 : cluster + (ulong)random.Next(0, 4096));
            var symbols = addresses.Select((a, i) => (Address: a, Name: "sym_" + i)).ToList();
            bool unsorted = random.Next(2) == 0;
            string text = Lines(unsorted ? symbols.OrderBy(_ => random.Next()) : symbols, random.Next(2) == 0 ? "\n" : "\r\n");

            var queries = new List<ulong> { 0, ulong.MaxValue };
            foreach (var s in symbols) queries.AddRange(new[] { s.Address, s.Address - 1, s.Address + 1 });
            for (int i = 0; i < 50; i++) queries.Add(cluster + (ulong)random.Next(-100, 4200));
            for (int i = 0; i < 20; i++) queries.Add((ulong)random.NextInt64() << 1);

            var (names, offsets) = Resolve(new SymbolTable(Encoding.ASCII.GetBytes(text)), queries.ToArray());

            for (int i = 0; i < queries.Count; i++)
            {
                ulong query = queries[i];
                var containing = symbols.LastOrDefault(s => s.Address <= query);
                bool found = symbols.Any(s => s.Address <= query);
                Assert.That((names[i], offsets[i]), Is.EqualTo(found ? (containing.Name, query - containing.Address) : ("", 0ul)),
                    $"address 0x{query:x} (seed {seed}, {(unsorted ? "shuffled" : "sorted")} lines)");
            }
        }

        // --- the real table the build writes ----------------------------------------------------------------------

        [Test]
        public void TheBuiltKernelsSymbolsResolveToThemselves()
        {
            string path = BuiltKernel.Find("kernel.sym");
            var symbols = BuiltKernel.ReadSymbolFile(path);
            var table = new SymbolTable(File.ReadAllBytes(path));

            var kernelMain = symbols.Single(s => s.Name == "cosmos_kernel_main");
            var aliases = symbols.Where(s => s.Address == kernelMain.Address).Select(s => s.Name).ToArray();
            var (names, offsets) = Resolve(table, kernelMain.Address, kernelMain.Address + 5);
            Assert.That(names[0], Is.EqualTo("cosmos_kernel_main").Or.AnyOf(aliases), "aliases at its address: " + string.Join(", ", aliases));
            Assert.That(names[1], Is.EqualTo(names[0]));
            Assert.That(offsets, Is.EqualTo(new ulong[] { 0, 5 }));

            // Every symbol alone at its address, and 5 bytes into it when the next symbol is further on, in one call.
            var byAddress = symbols.GroupBy(s => s.Address).OrderBy(g => g.Key).ToList();
            var queries = new List<ulong>();
            var expected = new List<(string, ulong)>();
            for (int i = 0; i < byAddress.Count; i++)
            {
                if (byAddress[i].Count() != 1) continue;
                string name = byAddress[i].Single().Name;
                queries.Add(byAddress[i].Key);
                expected.Add((name, 0));
                if (i + 1 < byAddress.Count && byAddress[i + 1].Key - byAddress[i].Key > 5)
                {
                    queries.Add(byAddress[i].Key + 5);
                    expected.Add((name, 5));
                }
            }
            Assert.That(queries.Count, Is.GreaterThan(100), "kernel.sym should list the kernel's functions");
            var (allNames, allOffsets) = Resolve(table, queries.ToArray());
            Assert.That(allNames.Zip(allOffsets), Is.EqualTo(expected));
        }
    }
}
