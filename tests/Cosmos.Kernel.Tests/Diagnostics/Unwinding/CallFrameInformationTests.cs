using System;
using System.Collections.Generic;
using Cosmos.Kernel.Diagnostics.Unwinding;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Diagnostics.Unwinding.Cfa;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    [TestFixture]
    public class CallFrameInformationTests
    {
        const ulong Function = 0xFFFFFFFF80219D00;
        const ulong FunctionLength = 0x20000;

        // What reading the whole section gives, entry by entry: "CIE", "FDE start..end", then how it ended.
        internal static List<string> Entries(byte[] section, ulong address)
        {
            var cfi = new CallFrameInformation(section, address);
            var entries = new List<string>();
            int offset = 0;
            while (true)
            {
                EntryKind kind = cfi.ReadEntry(ref offset, out FrameDescription description);
                if (kind == EntryKind.CommonInformation) entries.Add("CIE");
                else if (kind == EntryKind.FrameDescription) entries.Add($"FDE {description.Start:x}..{description.End:x}");
                else
                {
                    entries.Add(kind.ToString());
                    return entries;
                }
            }
        }

        internal static List<string> Entries(EhFrameBuilder builder) => Entries(builder.ToArray(), builder.Address);

        // The row at an address, in readelf's notation; null when no FDE covers it or its program cannot be run.
        static string RowIn(EhFrameBuilder builder, ulong address)
        {
            var cfi = new CallFrameInformation(builder.ToArray(), builder.Address);
            return cfi.TryFindDescription(address, out FrameDescription description) && cfi.TryComputeRow(description, address, out CallFrameRow row)
                ? RowNotation.Of(row) : null;
        }

        // The row at Function + offset of a function whose FDE holds `instructions`.
        static string RowAt(byte[] instructions, ulong offset, byte[] initialInstructions = null, ulong codeAlignment = 1)
        {
            var builder = new EhFrameBuilder();
            builder.Fde(builder.Cie(initialInstructions, codeAlignment: codeAlignment), Function, FunctionLength, instructions);
            return RowIn(builder, Function + offset);
        }

        static ulong? StartOfFdeAt(EhFrameBuilder builder, ulong address) =>
            new CallFrameInformation(builder.ToArray(), builder.Address).TryFindDescription(address, out FrameDescription description)
                ? description.Start : null;

        const string AtCall = "rsp+8 ra=c-8 rbp=s";

        // --- entries -------------------------------------------------------------------------------------------------

        [Test]
        public void AnIlcStyleSectionReadsAsOneCieAndItsFdes()
        {
            // ILC's CIE is "zLR": an LSDA encoding, then the FDE pointer encoding; each FDE carries a 4-byte LSDA pointer.
            var builder = new EhFrameBuilder();
            int cie = builder.Cie(augmentation: "zLR");
            builder.Fde(cie, Function, 0x2AD, Program(AdvanceLoc(1), DefCfaOffset(16), Offset(Rbp, 2)), augmentationData: new byte[] { 0x5F, 0xDA, 0xFF, 0xFF });
            builder.Fde(cie, Function + 0x2B0, 0x46, augmentationData: new byte[] { 0x81, 0xDA, 0xFF, 0xFF });
            builder.Fde(cie, Function + 0x300, 0xD5, augmentationData: new byte[] { 0x66, 0xDA, 0xFF, 0xFF });

            Assert.That(Entries(builder), Is.EqualTo(new[]
            {
                "CIE", "FDE ffffffff80219d00..ffffffff80219fad", "FDE ffffffff80219fb0..ffffffff80219ff6",
                "FDE ffffffff8021a000..ffffffff8021a0d5", "SectionEnd",
            }));
        }

        [Test]
        public void AZeroLengthEndsTheSection()
        {
            var builder = new EhFrameBuilder();
            int cie = builder.Cie();
            builder.Fde(cie, Function, 0x10);
            builder.Terminator();
            builder.Fde(cie, Function + 0x10, 0x10);

            Assert.That(Entries(builder), Is.EqualTo(new[] { "CIE", "FDE ffffffff80219d00..ffffffff80219d10", "SectionEnd" }));
            Assert.That(StartOfFdeAt(builder, Function + 0x10), Is.Null);
        }

        [Test]
        public void AnEmptySectionHasNoEntries()
        {
            Assert.That(Entries(Array.Empty<byte>(), 0), Is.EqualTo(new[] { "SectionEnd" }));
        }

        [TestCase(EhFrameBuilder.PcRelativeSdata4, 0xFFFFFFFF80219D00ul)]
        [TestCase(EhFrameBuilder.PcRelativeSdata4, 0xFFFFFFFF80300000ul)]            // code above the section
        [TestCase(EhFrameBuilder.PcRelative | EhFrameBuilder.Sdata8, 0xFFFFFFFF80219D00ul)]
        [TestCase(EhFrameBuilder.PcRelative | EhFrameBuilder.Sdata2, 0xFFFFFFFF8022F000ul)]
        [TestCase(EhFrameBuilder.PcRelative | EhFrameBuilder.Sleb128, 0xFFFFFFFF80219D00ul)]
        [TestCase(EhFrameBuilder.Absolute, 0xFFFFFFFF80219D00ul)]
        [TestCase(EhFrameBuilder.Udata8, 0xFFFFFFFF80219D00ul)]
        [TestCase(EhFrameBuilder.Sdata8, 0xFFFFFFFF80219D00ul)]
        [TestCase(EhFrameBuilder.Udata4, 0x80219D00ul)]
        [TestCase(EhFrameBuilder.Sdata4, 0xFFFFFFFF80219D00ul)]                       // sign-extended from 32 bits
        [TestCase(EhFrameBuilder.Udata2, 0x9D00ul)]
        [TestCase(EhFrameBuilder.Sdata2, 0xFFFFFFFFFFFF9D00ul)]                       // sign-extended from 16 bits
        [TestCase(EhFrameBuilder.Uleb128, 0xFFFFFFFF80219D00ul)]
        [TestCase(EhFrameBuilder.Sleb128, 0xFFFFFFFF80219D00ul)]
        public void EveryPointerEncodingGivesTheRange(byte encoding, ulong start)
        {
            var builder = new EhFrameBuilder();
            builder.Fde(builder.Cie(pointerEncoding: encoding), start, 0x123);

            Assert.That(Entries(builder), Is.EqualTo(new[] { "CIE", $"FDE {start:x}..{start + 0x123:x}", "SectionEnd" }));
        }

        [TestCase("")]        // no augmentation: absolute 8-byte addresses, no augmentation data
        [TestCase("zR")]      // GCC
        [TestCase("zLR")]     // ILC
        [TestCase("zPLR")]    // a personality routine before the encoding
        [TestCase("zRPL")]
        [TestCase("zL")]      // no R: absolute addresses
        public void AugmentationDataIsReadInItsLettersOrder(string augmentation)
        {
            var builder = new EhFrameBuilder();
            int cie = builder.Cie(augmentation: augmentation);
            builder.Fde(cie, Function, 0x40, Program(AdvanceLoc(1), DefCfaOffset(16)), augmentationData: augmentation.Contains('L') ? new byte[4] : null);
            builder.Fde(cie, Function + 0x40, 0x40);

            Assert.That(Entries(builder), Is.EqualTo(new[] { "CIE", "FDE ffffffff80219d00..ffffffff80219d40", "FDE ffffffff80219d40..ffffffff80219d80", "SectionEnd" }));
            Assert.That(RowIn(builder, Function + 1), Is.EqualTo("rsp+16 ra=c-8 rbp=s"));
        }

        [Test]
        public void VersionThreeCiesNameTheReturnAddressColumnInLeb128()
        {
            // Column 200 takes two LEB128 bytes; the CIE's rule for it is the return address rule.
            var builder = new EhFrameBuilder();
            int cie = builder.Cie(Program(DefCfa(Rsp, 8), OffsetExtended(200, 1)), version: 3, returnAddressRegister: 200);
            builder.Fde(cie, Function, 0x40, Program(Offset(ReturnAddress, 2)));   // column 16 is now just a register
            var cfi = new CallFrameInformation(builder.ToArray(), builder.Address);

            Assert.That(cfi.TryFindDescription(Function, out FrameDescription description), Is.True);
            Assert.That(description.Common.ReturnAddressRegister, Is.EqualTo(200));
            Assert.That(cfi.TryComputeRow(description, Function, out CallFrameRow row) ? RowNotation.Of(row) : null, Is.EqualTo(AtCall));
        }

        [Test]
        public void EachFdeFollowsItsOwnCie()
        {
            // A second CIE with other alignment factors: the same instruction bytes mean other offsets under it.
            var builder = new EhFrameBuilder();
            int first = builder.Cie();
            int second = builder.Cie(Program(DefCfa(Rsp, 8), Offset(ReturnAddress, 2)), codeAlignment: 2, dataAlignment: -4);
            byte[] instructions = Program(AdvanceLoc(2), DefCfaOffsetSf(-4), Offset(Rbp, 4));
            builder.Fde(first, Function, 0x40, instructions);
            builder.Fde(second, Function + 0x40, 0x40, instructions);
            builder.Fde(first, Function + 0x80, 0x40, instructions);

            Assert.That(RowIn(builder, Function + 2), Is.EqualTo("rsp+32 ra=c-8 rbp=c-32"));
            Assert.That(RowIn(builder, Function + 0x40 + 3), Is.EqualTo(AtCall));
            Assert.That(RowIn(builder, Function + 0x40 + 4), Is.EqualTo("rsp+16 ra=c-8 rbp=c-16"));
            Assert.That(RowIn(builder, Function + 0x82), Is.EqualTo("rsp+32 ra=c-8 rbp=c-32"));
        }

        [Test]
        public void TheFdeCoveringAnAddressIsFoundAndGapsHaveNone()
        {
            var builder = new EhFrameBuilder();
            int cie = builder.Cie();
            builder.Fde(cie, Function + 0x100, 0x80);
            builder.Fde(cie, Function, 0x40);              // out of address order, as a linker may leave them
            builder.Fde(cie, Function + 0x40, 0x20);
            ulong? StartOfFdeAt(ulong address) => CallFrameInformationTests.StartOfFdeAt(builder, address);

            Assert.That(StartOfFdeAt(Function), Is.EqualTo(Function));
            Assert.That(StartOfFdeAt(Function + 0x3F), Is.EqualTo(Function));
            Assert.That(StartOfFdeAt(Function + 0x40), Is.EqualTo(Function + 0x40));
            Assert.That(StartOfFdeAt(Function + 0x5F), Is.EqualTo(Function + 0x40));
            Assert.That(StartOfFdeAt(Function + 0x60), Is.Null, "the gap after the second function");
            Assert.That(StartOfFdeAt(Function + 0xFF), Is.Null);
            Assert.That(StartOfFdeAt(Function + 0x100), Is.EqualTo(Function + 0x100));
            Assert.That(StartOfFdeAt(Function + 0x17F), Is.EqualTo(Function + 0x100));
            Assert.That(StartOfFdeAt(Function + 0x180), Is.Null, "an FDE's end is not part of it");
            Assert.That(StartOfFdeAt(Function - 1), Is.Null);
            Assert.That(StartOfFdeAt(0), Is.Null);
        }

        // --- rows: one case per instruction -------------------------------------------------------------------------

        static IEnumerable<TestCaseData> Rows()
        {
            TestCaseData Case(string name, byte[] instructions, ulong offset, string expected) =>
                new TestCaseData(instructions, offset).Returns(expected).SetName($"{{m}}: {name} at +0x{offset:x}");

            byte[] pushRbp = Program(AdvanceLoc(1), DefCfaOffset(16), Offset(Rbp, 2));
            yield return Case("nop", Program(Nop, Nop), 0, AtCall);
            yield return Case("advance_loc", pushRbp, 0, AtCall);
            yield return Case("advance_loc", pushRbp, 1, "rsp+16 ra=c-8 rbp=c-16");
            yield return Case("advance_loc", pushRbp, FunctionLength - 1, "rsp+16 ra=c-8 rbp=c-16");
            yield return Case("advance_loc1", Program(AdvanceLoc1(200), DefCfaOffset(16)), 199, AtCall);
            yield return Case("advance_loc1", Program(AdvanceLoc1(200), DefCfaOffset(16)), 200, "rsp+16 ra=c-8 rbp=s");
            yield return Case("advance_loc2", Program(AdvanceLoc2(0x1234), DefCfaOffset(16)), 0x1233, AtCall);
            yield return Case("advance_loc2", Program(AdvanceLoc2(0x1234), DefCfaOffset(16)), 0x1234, "rsp+16 ra=c-8 rbp=s");
            yield return Case("advance_loc4", Program(AdvanceLoc4(0x12345), DefCfaOffset(16)), 0x12344, AtCall);
            yield return Case("advance_loc4", Program(AdvanceLoc4(0x12345), DefCfaOffset(16)), 0x12345, "rsp+16 ra=c-8 rbp=s");
            yield return Case("advances add up", Program(AdvanceLoc(1), DefCfaOffset(16), AdvanceLoc1(2), DefCfaOffset(24), AdvanceLoc2(3), DefCfaOffset(32)), 5, "rsp+24 ra=c-8 rbp=s");
            yield return Case("advances add up", Program(AdvanceLoc(1), DefCfaOffset(16), AdvanceLoc1(2), DefCfaOffset(24), AdvanceLoc2(3), DefCfaOffset(32)), 6, "rsp+32 ra=c-8 rbp=s");
            yield return Case("def_cfa", Program(DefCfa(Rbp, 16)), 0, "rbp+16 ra=c-8 rbp=s");
            yield return Case("def_cfa_sf", Program(DefCfaSf(Rbp, -2)), 0, "rbp+16 ra=c-8 rbp=s");
            yield return Case("def_cfa_register", Program(DefCfaOffset(24), DefCfaRegister(Rbp)), 0, "rbp+24 ra=c-8 rbp=s");
            yield return Case("def_cfa_offset", Program(DefCfaOffset(0x1000)), 0, "rsp+4096 ra=c-8 rbp=s");
            yield return Case("def_cfa_offset_sf", Program(DefCfaOffsetSf(-4)), 0, "rsp+32 ra=c-8 rbp=s");
            yield return Case("offset", Program(Offset(Rbp, 2)), 0, "rsp+8 ra=c-8 rbp=c-16");
            yield return Case("offset of the return address", Program(Offset(ReturnAddress, 3)), 0, "rsp+8 ra=c-24 rbp=s");
            yield return Case("offset_extended", Program(OffsetExtended(Rbp, 3)), 0, "rsp+8 ra=c-8 rbp=c-24");
            yield return Case("offset_extended_sf", Program(OffsetExtendedSf(Rbp, -1)), 0, "rsp+8 ra=c-8 rbp=c+8");
            yield return Case("restore", Program(Offset(Rbp, 2), AdvanceLoc(1), Restore(Rbp)), 0, "rsp+8 ra=c-8 rbp=c-16");
            yield return Case("restore", Program(Offset(Rbp, 2), AdvanceLoc(1), Restore(Rbp)), 1, AtCall);
            yield return Case("restore of the return address", Program(Offset(ReturnAddress, 3), AdvanceLoc(1), Restore(ReturnAddress)), 1, AtCall);
            yield return Case("restore_extended", Program(OffsetExtended(ReturnAddress, 3), AdvanceLoc(1), RestoreExtended(ReturnAddress)), 0, "rsp+8 ra=c-24 rbp=s");
            yield return Case("restore_extended", Program(OffsetExtended(ReturnAddress, 3), AdvanceLoc(1), RestoreExtended(ReturnAddress)), 1, AtCall);
            yield return Case("undefined", Program(Undefined(ReturnAddress)), 0, "rsp+8 ra=u rbp=s");
            yield return Case("same_value", Program(Offset(Rbp, 2), AdvanceLoc(1), SameValue(Rbp)), 1, AtCall);
            yield return Case("gnu_args_size", Program(GnuArgsSize(16), DefCfaOffset(24)), 0, "rsp+24 ra=c-8 rbp=s");
            yield return Case("other registers' rules", Program(Offset(Rbx, 3), Undefined(R12), SameValue(Rbx), OffsetExtendedSf(R12, 2), RestoreExtended(Rbx), Restore(R12)), 0, AtCall);

            // An epilogue in the middle of a function, as GCC describes one: remember, unwind to the call state,
            // then restore the body's row for the code after the `ret`.
            byte[] epilogue = Program(pushRbp, AdvanceLoc(3), DefCfaRegister(Rbp), AdvanceLoc(10), RememberState, DefCfa(Rsp, 8),
                                      Restore(Rbp), AdvanceLoc(1), RestoreState);
            yield return Case("remember_state", epilogue, 4, "rbp+16 ra=c-8 rbp=c-16");
            yield return Case("remember_state", epilogue, 14, AtCall);
            yield return Case("restore_state", epilogue, 15, "rbp+16 ra=c-8 rbp=c-16");
        }

        [TestCaseSource(nameof(Rows))]
        public string EachInstructionChangesTheRowFromItsLocation(byte[] instructions, ulong offset) => RowAt(instructions, offset);

        [Test]
        public void AdvancesScaleByTheCodeAlignmentFactor()
        {
            byte[] instructions = Program(AdvanceLoc(3), DefCfaOffset(16));

            Assert.That(RowAt(instructions, 11, codeAlignment: 4), Is.EqualTo(AtCall));
            Assert.That(RowAt(instructions, 12, codeAlignment: 4), Is.EqualTo("rsp+16 ra=c-8 rbp=s"));
        }

        [Test]
        public void RestoreGoesBackToTheCiesRuleNotToNothing()
        {
            byte[] initial = Program(CallEntry, Offset(Rbp, 2));

            Assert.That(RowAt(Program(SameValue(Rbp), AdvanceLoc(1), Restore(Rbp)), 0, initial), Is.EqualTo(AtCall));
            Assert.That(RowAt(Program(SameValue(Rbp), AdvanceLoc(1), Restore(Rbp)), 1, initial), Is.EqualTo("rsp+8 ra=c-8 rbp=c-16"));
        }

        [Test]
        public void RememberedRowsNestEightDeep()
        {
            var eight = new List<byte[]>();
            for (ulong depth = 1; depth <= 8; depth++) eight.Add(Program(DefCfaOffset(8 + depth * 8), RememberState));
            byte[] Then(params byte[][] more) => Program(Program(eight.ToArray()), Program(more));

            Assert.That(RowAt(Then(DefCfaOffset(200), RestoreState), 0), Is.EqualTo("rsp+72 ra=c-8 rbp=s"), "the last row remembered comes back first");
            Assert.That(RowAt(Then(RestoreState, RestoreState, RestoreState), 0), Is.EqualTo("rsp+56 ra=c-8 rbp=s"));
            Assert.That(RowAt(Then(RestoreState, RestoreState, RestoreState, RestoreState, RestoreState, RestoreState, RestoreState, RestoreState), 0),
                        Is.EqualTo("rsp+16 ra=c-8 rbp=s"), "the first row remembered comes back last");
            Assert.That(RowAt(Then(RememberState), 0), Is.Null, "a ninth remember_state");
            Assert.That(RowAt(Then(RestoreState, RestoreState, RestoreState, RestoreState, RestoreState, RestoreState, RestoreState, RestoreState,
                                   RestoreState), 0), Is.Null, "a restore_state with nothing remembered");
        }

        // DW_CFA_set_loc, register, def_cfa_expression, expression, val_offset(_sf), val_expression, the GNU negative
        // offset, a user opcode: rules this walk cannot follow, or does not expect from ILC.
        [TestCase(new byte[] { 0x01, 0, 0, 0, 0, 0, 0, 0, 0 })]
        [TestCase(new byte[] { 0x09, 6, 3 })]
        [TestCase(new byte[] { 0x0F, 1, 0x77 })]
        [TestCase(new byte[] { 0x10, 6, 1, 0x77 })]
        [TestCase(new byte[] { 0x14, 6, 2 })]
        [TestCase(new byte[] { 0x15, 6, 2 })]
        [TestCase(new byte[] { 0x16, 6, 1, 0x77 })]
        [TestCase(new byte[] { 0x2F, 6, 2 })]
        [TestCase(new byte[] { 0x3F })]
        public void AnOpcodeItDoesNotKnowStopsTheProgram(byte[] instruction)
        {
            Assert.That(RowAt(instruction, 0), Is.Null);
            Assert.That(RowAt(Program(AdvanceLoc(4), instruction), 3), Is.EqualTo(AtCall), "rows before it are still good");
            Assert.That(RowAt(Program(AdvanceLoc(4), instruction), 4), Is.Null);
        }

        // Each instruction cut short by the end of its FDE (no padding after it).
        [TestCase(new byte[] { 0x0C })]
        [TestCase(new byte[] { 0x0C, 7 })]
        [TestCase(new byte[] { 0x0E, 0x80 })]                 // a LEB128 whose last byte says more follow
        [TestCase(new byte[] { 0x13 })]
        [TestCase(new byte[] { 0x86 })]
        [TestCase(new byte[] { 0x05, 6 })]
        [TestCase(new byte[] { 0x11, 6, 0xFF })]
        [TestCase(new byte[] { 0x02 })]
        [TestCase(new byte[] { 0x03, 1 })]
        [TestCase(new byte[] { 0x04, 1, 2, 3 })]
        [TestCase(new byte[] { 0x07 })]
        [TestCase(new byte[] { 0x2E, 0x81 })]
        public void AnInstructionCutShortStopsTheProgram(byte[] instruction)
        {
            // The entry is built by hand: the builder would pad the instructions with DW_CFA_nop bytes.
            var builder = new EhFrameBuilder();
            int cie = builder.Cie();
            int fde = builder.Length;
            builder.Raw(BitConverter.GetBytes(4 + 4 + 4 + 1 + instruction.Length)).Raw(BitConverter.GetBytes(fde + 4 - cie))
                   .Raw(BitConverter.GetBytes((int)(Function - (builder.Address + (ulong)fde + 8)))).Raw(BitConverter.GetBytes(0x40))
                   .Raw(0).Raw(instruction);
            var cfi = new CallFrameInformation(builder.ToArray(), builder.Address);

            Assert.That(cfi.TryFindDescription(Function, out FrameDescription description), Is.True);
            Assert.That(cfi.TryComputeRow(description, Function, out _), Is.False);
        }
    }
}
