using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Diagnostics.Unwinding;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // The .eh_frame of the kernel.elf the build writes, read by the kernel's own code and held to binutils' reading of
    // it (readelf), and real call chains of kernel methods unwound from synthetic stacks laid out by readelf's rows.
    [TestFixture]
    public class KernelCallFrameInformationTests
    {
        const string MethodPrefix = "Cosmos_Kernel_Cosmos_Kernel_DeliberateFault__";

        static ElfFile s_elf;
        static ElfFile.Section s_ehFrame, s_text;
        static List<ReadelfFrames.Description> s_readelf;
        static List<(ulong Address, string Name)> s_symbols;

        [OneTimeSetUp]
        public void ReadTheBuiltKernel()
        {
            string elf = BuiltKernel.Find("kernel.elf");
            s_elf = new ElfFile(elf);
            s_ehFrame = s_elf.GetSection(".eh_frame");
            s_text = s_elf.GetSection(".text");
            s_readelf = ReadelfFrames.Read(elf);
            s_symbols = BuiltKernel.ReadSymbolFile(BuiltKernel.Find("kernel.sym"));
        }

        static CallFrameInformation Kernel() => new CallFrameInformation(s_ehFrame.Bytes, s_ehFrame.Address);

        static List<FrameDescription> ReadAllDescriptions(out EntryKind end, out int endOffset)
        {
            var cfi = Kernel();
            var descriptions = new List<FrameDescription>();
            int offset = 0;
            while (true)
            {
                EntryKind kind = cfi.ReadEntry(ref offset, out FrameDescription description);
                if (kind == EntryKind.FrameDescription) descriptions.Add(description);
                else if (kind != EntryKind.CommonInformation)
                {
                    end = kind;
                    endOffset = offset;
                    return descriptions;
                }
            }
        }

        static ulong SymbolAddress(string name) => s_symbols.Single(s => s.Name == name).Address;

        [Test]
        public void TheLinkerSymbolsBracketTheSection()
        {
            var symbols = s_elf.Symbols();

            Assert.That(symbols.Single(s => s.Name == "__eh_frame_start").Address, Is.EqualTo(s_ehFrame.Address));
            Assert.That(symbols.Single(s => s.Name == "__eh_frame_end").Address, Is.EqualTo(s_ehFrame.Address + (ulong)s_ehFrame.Bytes.Length));
        }

        [Test]
        public void EveryEntryReadsAndTheFdesAreReadelfs()
        {
            List<FrameDescription> descriptions = ReadAllDescriptions(out EntryKind end, out int endOffset);

            Assert.That(end, Is.EqualTo(EntryKind.SectionEnd));
            Assert.That(endOffset, Is.EqualTo(s_ehFrame.Bytes.Length).Or.EqualTo(s_ehFrame.Bytes.Length - 4), "the whole section, or all but a terminator");
            Assert.That(descriptions.Select(d => (d.Start, d.End)), Is.EqualTo(s_readelf.Select(d => (d.Start, d.End))));
            Assert.That(descriptions.Count, Is.GreaterThan(300), "ILC writes an FDE per method");
        }

        [Test]
        public void FdesDoNotOverlap()
        {
            var sorted = ReadAllDescriptions(out _, out _).OrderBy(d => d.Start).ToList();

            Assert.That(sorted, Has.All.Matches<FrameDescription>(d => d.End > d.Start), "no empty FDE");
            for (int i = 1; i < sorted.Count; i++)
                Assert.That(sorted[i].Start, Is.GreaterThanOrEqualTo(sorted[i - 1].End), $"FDE at 0x{sorted[i].Start:x} overlaps the one before it");
        }

        [Test]
        public void EveryCSharpMethodIsCoveredWholly()
        {
            // The compiled methods are kernel.sym's function symbols (the assembly stubs' labels have no type).
            var functions = s_elf.Symbols().Where(s => s.Type == ElfFile.FunctionSymbol && s.Size > 0).ToLookup(s => (s.Address, s.Name));
            var methods = s_symbols.Where(s => functions.Contains(s)).Select(s => functions[s].First()).ToList();
            var ranges = ReadAllDescriptions(out _, out _).Select(d => (d.Start, d.End)).OrderBy(r => r.Start).ToList();

            // A method is covered when FDEs (its body's, then its funclets') run gap-free from its start to its end.
            bool Covered(ulong start, ulong end)
            {
                foreach (var range in ranges)
                    if (range.Start <= start && start < range.End) start = range.End;
                return start >= end;
            }
            var uncovered = methods.Where(m => !Covered(m.Address, m.Address + m.Size)).Select(m => m.Name).ToList();

            Assert.That(methods.Count, Is.GreaterThan(400));
            // ILC writes no CFI for its unboxing, static-base, delegate-constructor and generic-lookup stubs: they only
            // ever tail-jump or return, so they are never a return address in a trace.
            Assert.That(uncovered.Where(name => !name.StartsWith("unbox_") && !name.StartsWith("__")), Is.Empty);
        }

        [Test]
        public void RowsAreReadelfsAtEveryLocation()
        {
            var cfi = Kernel();
            int checkedRows = 0;
            foreach (var fde in s_readelf)
            {
                for (int i = 0; i < fde.Rows.Count; i++)
                {
                    ulong last = (i + 1 < fde.Rows.Count ? fde.Rows[i + 1].Location : fde.End) - 1;
                    foreach (ulong address in new[] { fde.Rows[i].Location, last })
                    {
                        Assert.That(cfi.TryFindDescription(address, out FrameDescription description), Is.True, $"0x{address:x}");
                        Assert.That(description.Start, Is.EqualTo(fde.Start), $"0x{address:x}");
                        Assert.That(cfi.TryComputeRow(description, address, out CallFrameRow row), Is.True, $"0x{address:x}");
                        Assert.That(RowNotation.Of(row), Is.EqualTo(fde.Rows[i].Notation), $"0x{address:x}");
                        checkedRows++;
                    }
                }
            }
            Assert.That(checkedRows, Is.GreaterThan(1000));
        }

        // --- synthetic stacks of real kernel methods -----------------------------------------------------------------

        const ulong StackBottom = 0xFFFFFFFF80250000;
        const int StackSize = 64 * 1024;

        static ReadelfFrames.Description DescriptionOf(ulong address) => s_readelf.Single(d => d.Start <= address && address < d.End);

        // The return address of the one direct call (E8 rel32) in `caller`'s code to `callee`.
        static ulong CallFrom(string caller, string callee)
        {
            var range = DescriptionOf(SymbolAddress(caller));
            ulong target = SymbolAddress(callee);
            var returns = new List<ulong>();
            for (ulong at = range.Start; at + 5 <= range.End; at++)
            {
                int offset = (int)(at - s_text.Address);
                if (s_text.Bytes[offset] == 0xE8 && at + 5 + (ulong)(long)BinaryPrimitives.ReadInt32LittleEndian(s_text.Bytes.AsSpan(offset + 1)) == target)
                    returns.Add(at + 5);
            }
            Assert.That(returns, Has.Count.EqualTo(1), $"calls from {caller} to {callee}");
            return returns[0];
        }

        // Lays the chain out with readelf's rows and checks the unwinder steps to exactly its return addresses, with
        // the rsp and rbp each caller had.
        static void AssertUnwindsExactly(IReadOnlyList<ulong> chain, int seed)
        {
            var frames = chain.Select((address, i) =>
                new CallChain.Frame(address, i + 1 < chain.Count ? DescriptionOf(i == 0 ? address : address - 1).RowAt(i == 0 ? address : address - 1) : null)).ToList();
            var random = new Random(seed);
            var stack = new FakeStack(StackBottom, StackSize, random);
            FrameRegisters[] expected = CallChain.Lay(stack, frames, random);

            var walked = stack.Walk(Kernel(), expected[0], limit: chain.Count - 1);

            Assert.That(walked.Select(FakeStack.Describe), Is.EqualTo(expected.Skip(1).Select(FakeStack.Describe)),
                        "chain " + string.Join(" <- ", frames.Select(f => $"0x{f.InstructionPointer:x} ({f.Row})")));
        }

        [Test]
        public void ThePageFaultChainUnwindsThroughTheFramelessMethod()
        {
            // cosmos_kernel_main -> DeliberateFault.Commit -> WriteToUnmappedPage, a leaf with no frame at all.
            ulong leaf = SymbolAddress(MethodPrefix + "WriteToUnmappedPage");
            Assert.That(DescriptionOf(leaf).Rows.Select(r => r.Notation).Distinct(), Is.EqualTo(new[] { "rsp+8 ra=c-8 rbp=s" }), "frameless");
            ulong commit = CallFrom(MethodPrefix + "Commit", MethodPrefix + "WriteToUnmappedPage");
            ulong main = CallFrom("cosmos_kernel_main", MethodPrefix + "Commit");

            for (int seed = 1; seed <= 10; seed++) AssertUnwindsExactly(new[] { leaf + 5, commit, main }, seed);
        }

        [Test]
        public void TheStackOverflowChainUnwindsThroughRbpBasedFrames()
        {
            // Recurse has a stackalloc, so its CFA is rbp-based; the overflow hits as it calls the helper that clears
            // the buffer.
            const string recurse = MethodPrefix + "Recurse", clear = "S_P_CoreLib_System_SpanHelpers__ClearWithoutReferences";
            ulong intoClear = CallFrom(recurse, clear), intoRecurse = CallFrom(recurse, recurse);
            ulong commit = CallFrom(MethodPrefix + "Commit", recurse), main = CallFrom("cosmos_kernel_main", MethodPrefix + "Commit");
            Assert.That(DescriptionOf(intoRecurse - 1).RowAt(intoRecurse - 1), Does.StartWith("rbp+"));

            for (int seed = 1; seed <= 10; seed++)
                AssertUnwindsExactly(new[] { SymbolAddress(clear), intoClear, intoRecurse, intoRecurse, intoRecurse, commit, main }, seed);
        }

        [Test]
        public void RandomChainsOfKernelMethodsUnwindExactly([Range(1, 100)] int seed)
        {
            // Any methods, interrupted anywhere, waiting at any return address: every row shape ILC writes, prologues
            // included, and return addresses at a method's very end.
            var random = new Random(seed);
            var chain = new List<ulong>();
            for (int i = random.Next(2, 12); i > 0; i--)
            {
                var fde = s_readelf[random.Next(s_readelf.Count)];
                ulong offset = (ulong)random.NextInt64((long)(fde.End - fde.Start));
                chain.Add(chain.Count == 0 ? fde.Start + offset : fde.Start + offset + 1);
            }
            AssertUnwindsExactly(chain, seed);
        }
    }
}
