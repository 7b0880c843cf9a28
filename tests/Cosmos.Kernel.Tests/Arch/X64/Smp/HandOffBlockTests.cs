using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Cosmos.Emulation;
using Cosmos.Kernel.Arch.X64.Smp;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Arch.X64.Smp
{
    // The hand-off block as C# lays it out, and as the trampoline reads it: the trampoline, assembled by nasm as the
    // kernel build does, must have its block's labels at the same offsets in the page (read back with nm).
    [TestFixture]
    public class HandOffBlockTests
    {
        static readonly string Trampoline = Path.Combine(KernelBuild.RepositoryRoot, "Cosmos.Kernel", "Arch", "X64", "Smp", "ap_trampoline.asm");

        [Test]
        public void TheFieldsSitAtTheDocumentedOffsets()
        {
            Assert.That(Marshal.OffsetOf<HandOffBlock>(nameof(HandOffBlock.PageTableRoot)), Is.EqualTo((nint)0));
            Assert.That(Marshal.OffsetOf<HandOffBlock>(nameof(HandOffBlock.StackTop)), Is.EqualTo((nint)8));
            Assert.That(Marshal.OffsetOf<HandOffBlock>(nameof(HandOffBlock.Entry)), Is.EqualTo((nint)16));
            Assert.That(Marshal.OffsetOf<HandOffBlock>(nameof(HandOffBlock.Record)), Is.EqualTo((nint)24));
            Assert.That(Marshal.OffsetOf<HandOffBlock>(nameof(HandOffBlock.Alive)), Is.EqualTo((nint)32));
            Assert.That(Marshal.SizeOf<HandOffBlock>(), Is.EqualTo(HandOffBlock.Size));
        }

        [Test]
        public void TheAssembledTrampolineReadsTheBlockWhereCSharpWritesIt()
        {
            Dictionary<string, ulong> symbols = AssembleTrampoline();
            ulong start = symbols["cosmos_ap_trampoline"];
            Assert.That(symbols["handoff"] - start, Is.EqualTo((ulong)HandOffBlock.OffsetInPage));
            Assert.That(symbols["handoff.page_table_root"] - start, Is.EqualTo((ulong)(HandOffBlock.OffsetInPage + HandOffBlock.PageTableRootOffset)));
            Assert.That(symbols["handoff.stack_top"] - start, Is.EqualTo((ulong)(HandOffBlock.OffsetInPage + HandOffBlock.StackTopOffset)));
            Assert.That(symbols["handoff.entry"] - start, Is.EqualTo((ulong)(HandOffBlock.OffsetInPage + HandOffBlock.EntryOffset)));
            Assert.That(symbols["handoff.record"] - start, Is.EqualTo((ulong)(HandOffBlock.OffsetInPage + HandOffBlock.RecordOffset)));
            Assert.That(symbols["handoff.alive"] - start, Is.EqualTo((ulong)(HandOffBlock.OffsetInPage + HandOffBlock.AliveOffset)));
            Assert.That(symbols["cosmos_ap_trampoline_end"] - start, Is.EqualTo((ulong)(HandOffBlock.OffsetInPage + HandOffBlock.Size)),
                        "the block ends the image, which fits in its page");
        }

        // Every symbol of the assembled trampoline's object, by name.
        static Dictionary<string, ulong> AssembleTrampoline()
        {
            using var directory = new TemporaryDirectory();
            string obj = directory.Combine("ap_trampoline.o");
            HostTool.Run("nasm", "-f", "elf64", "-o", obj, Trampoline);
            var symbols = new Dictionary<string, ulong>();
            foreach (string line in HostTool.Run("nm", obj).Split('\n', System.StringSplitOptions.RemoveEmptyEntries))
            {
                string[] fields = line.Split(' ');
                if (fields.Length == 3) symbols[fields[2]] = ulong.Parse(fields[0], NumberStyles.HexNumber);
            }
            return symbols;
        }
    }
}
