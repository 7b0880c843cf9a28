using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Diagnostics.Unwinding;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Diagnostics.Unwinding.Cfa;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // Synthetic stacks over hand-written CFI: each function's rows are also written out by hand, in readelf's
    // notation, for CallChain to lay the stack out independently of the unwinder.
    [TestFixture]
    public class StackUnwinderTests
    {
        const ulong StackBottom = 0xFFFFFFFF80240000;
        const int StackSize = 0x4000;

        // A leaf with no frame at all: any address.
        const ulong Leaf = 0xFFFFFFFF80201000;
        const string LeafRow = "rsp+8 ra=c-8 rbp=s";
        // push rbp; mov rbp, rsp; push rbx; ... : CFA from rbp from +4 on.
        const ulong Framed = 0xFFFFFFFF80202000;
        const string FramedPushedRow = "rsp+16 ra=c-8 rbp=c-16", FramedRow = "rbp+16 ra=c-8 rbp=c-16";
        // push rbx; push rbp; sub rsp, 32: CFA from rsp, rbp saved below rbx (ILC's usual shape).
        const ulong Saver = 0xFFFFFFFF80203000;
        const string SaverRow = "rsp+56 ra=c-8 rbp=c-24";
        // The outermost function: its return address is undefined.
        const ulong Entry = 0xFFFFFFFF80204000;
        // push rbx; sub rsp, 16; ...; a call to a method that never returns as its last instruction.
        const ulong NoReturnCaller = 0xFFFFFFFF80205000, NoReturnCallerEnd = NoReturnCaller + 0x20;
        const string NoReturnCallerRow = "rsp+32 ra=c-8 rbp=s";
        // A frameless function right after it.
        const ulong Next = NoReturnCallerEnd;
        // An assembly function with no FDE: push rbp; mov rbp, rsp.
        const ulong Assembly = 0xFFFFFFFF80206000;
        const string AssemblyRow = "rbp+16 ra=c-8 rbp=c-16";
        // CFI this walk cannot follow.
        const ulong CfaFromRbx = 0xFFFFFFFF80207000, ReturnAddressInRegister = 0xFFFFFFFF80208000, UnknownOpcode = 0xFFFFFFFF80209000,
            LostRbp = 0xFFFFFFFF8020A000;

        static byte[] KernelCfi()
        {
            var builder = new EhFrameBuilder();
            int cie = builder.Cie(augmentation: "zLR");
            builder.Fde(cie, Leaf, 0x20);
            builder.Fde(cie, Framed, 0x80, Program(AdvanceLoc(1), DefCfaOffset(16), Offset(Rbp, 2), AdvanceLoc(3), DefCfaRegister(Rbp),
                                                   AdvanceLoc(1), Offset(Rbx, 3)));
            builder.Fde(cie, Saver, 0x80, Program(AdvanceLoc(1), DefCfaOffset(16), Offset(Rbx, 2), AdvanceLoc(1), DefCfaOffset(24),
                                                  Offset(Rbp, 3), AdvanceLoc(4), DefCfaOffset(56)));
            builder.Fde(cie, Entry, 0x40, Undefined(ReturnAddress));
            builder.Fde(cie, NoReturnCaller, 0x20, Program(AdvanceLoc(1), DefCfaOffset(16), AdvanceLoc(4), DefCfaOffset(32)));
            builder.Fde(cie, Next, 0x20);
            builder.Fde(cie, CfaFromRbx, 0x20, DefCfa(Rbx, 16));
            builder.Fde(cie, ReturnAddressInRegister, 0x20, SameValue(ReturnAddress));
            builder.Fde(cie, UnknownOpcode, 0x20, new byte[] { 0x09, 16, 3 });   // DW_CFA_register: ra in rbx
            builder.Fde(cie, LostRbp, 0x20, Undefined(Rbp));
            return builder.ToArray();
        }

        static readonly ulong s_cfiAddress = new EhFrameBuilder().Address;

        // Lays the chain out on a fresh stack and returns the frames the unwinder steps to from its innermost frame,
        // next to the ones the chain says it must.
        static (List<FrameRegisters> Walked, FrameRegisters[] Expected) Unwind(int seed, params CallChain.Frame[] chain)
        {
            var random = new Random(seed);
            var stack = new FakeStack(StackBottom, StackSize, random);
            FrameRegisters[] expected = CallChain.Lay(stack, chain, random);
            return (stack.Walk(new CallFrameInformation(KernelCfi(), s_cfiAddress), expected[0], limit: chain.Length - 1), expected);
        }

        static void AssertUnwindsExactly(int seed, params CallChain.Frame[] chain)
        {
            var (walked, expected) = Unwind(seed, chain);
            Assert.That(walked.Select(FakeStack.Describe), Is.EqualTo(expected[1..].Select(FakeStack.Describe)), "seed " + seed);
        }

        static CallChain.Frame At(ulong address, string row = null) => new CallChain.Frame(address, row);

        [Test]
        public void FramelessFramedAndSavingFramesEachUnwindToTheirCaller([Range(1, 20)] int seed)
        {
            AssertUnwindsExactly(seed, At(Leaf + 8, LeafRow), At(Framed + 0x40, FramedRow), At(Saver + 0x30, SaverRow),
                                 At(Framed + 0x51, FramedRow), At(Saver + 0x7F, SaverRow), At(Entry + 0x10));
        }

        [Test]
        public void TheOutermostFrameEndsTheWalk()
        {
            var random = new Random(1);
            var stack = new FakeStack(StackBottom, StackSize, random);
            FrameRegisters[] expected = CallChain.Lay(stack, new[] { At(Leaf + 8, LeafRow), At(Saver + 0x30, SaverRow), At(Entry + 0x10) }, random);
            // Entry's frame has an undefined return address: whatever lies above it on the stack is not a caller.
            stack.Write(expected[2].StackPointer, Saver + 0x30);

            Assert.That(stack.Walk(new CallFrameInformation(KernelCfi(), s_cfiAddress), expected[0]).Select(FakeStack.Describe),
                        Is.EqualTo(expected[1..].Select(FakeStack.Describe)));
        }

        [TestCase(Next, 0ul, LeafRow)]                       // the first byte after NoReturnCaller: Next's own row
        [TestCase(Framed, 0ul, "rsp+8 ra=c-8 rbp=s")]        // before push rbp
        [TestCase(Framed, 1ul, FramedPushedRow)]             // after push rbp
        [TestCase(Framed, 3ul, FramedPushedRow)]
        [TestCase(Framed, 4ul, FramedRow)]                   // after mov rbp, rsp
        public void AFrameInterruptedInItsPrologueUnwindsByThatInstructionsRow(ulong function, ulong offset, string row)
        {
            for (int seed = 1; seed <= 10; seed++)
                AssertUnwindsExactly(seed, At(function + offset, row), At(Saver + 0x30, SaverRow), At(Framed + 0x20, FramedRow), At(Entry + 8));
        }

        [Test]
        public void AReturnAddressAtTheEndOfAFunctionIsLookedUpInTheCaller([Range(1, 10)] int seed)
        {
            // The call ends NoReturnCaller: its return address is Next's first byte, whose own row (rsp+8) would find
            // the wrong CFA.
            AssertUnwindsExactly(seed, At(Leaf + 4, LeafRow), At(NoReturnCallerEnd, NoReturnCallerRow), At(Saver + 0x30, SaverRow), At(Entry + 8));
        }

        [Test]
        public void AFunctionWithoutCfiFallsBackToTheRbpChain([Range(1, 10)] int seed)
        {
            AssertUnwindsExactly(seed, At(Assembly + 5, AssemblyRow), At(Saver + 0x30, SaverRow), At(Framed + 0x50, FramedRow), At(Entry + 8));
            AssertUnwindsExactly(seed, At(Leaf + 8, LeafRow), At(Assembly + 0x10, AssemblyRow), At(Saver + 0x30, SaverRow), At(Entry + 8));
        }

        [Test]
        public void AFrameWhoseRspIsBelowTheStackStillUnwinds()
        {
            // A stack overflow: rsp went into the guard page, but the frame's CFA and saved registers are on the stack.
            var random = new Random(7);
            var stack = new FakeStack(StackBottom, StackSize, random);
            ulong rsp = StackBottom - 16, cfa = rsp + 56;
            stack.Write(cfa - 8, Framed + 0x40);
            stack.Write(cfa - 24, StackBottom + 0x200);
            var frame = new FrameRegisters(Saver + 0x30, rsp, 0x1234, isReturnAddress: false);

            var walked = stack.Walk(new CallFrameInformation(KernelCfi(), s_cfiAddress), frame, limit: 1);

            Assert.That(walked.Select(FakeStack.Describe),
                        Is.EqualTo(new[] { FakeStack.Describe(new FrameRegisters(Framed + 0x40, cfa, StackBottom + 0x200, isReturnAddress: true)) }));
        }

        [Test]
        public void ALostRbpBecomesZero()
        {
            var random = new Random(3);
            var stack = new FakeStack(StackBottom, StackSize, random);
            ulong rsp = StackBottom + 0x100;
            stack.Write(rsp, Saver + 0x30);

            var walked = stack.Walk(new CallFrameInformation(KernelCfi(), s_cfiAddress), new FrameRegisters(LostRbp + 4, rsp, 0x5555, false), limit: 1);

            Assert.That(walked.Select(FakeStack.Describe),
                        Is.EqualTo(new[] { FakeStack.Describe(new FrameRegisters(Saver + 0x30, rsp + 8, 0, isReturnAddress: true)) }));
        }

        // --- where the walk must stop ------------------------------------------------------------------------------

        // One step from a frame whose rsp points at `slot` (written with `value`) and whose rbp is `rbp`.
        static bool Steps(ulong instructionPointer, ulong rsp, ulong rbp, ulong slot = 0, ulong value = 0, int stackSize = StackSize)
        {
            var stack = new FakeStack(StackBottom, stackSize, new Random(5));
            if (slot != 0) stack.Write(slot, value);
            var frame = new FrameRegisters(instructionPointer, rsp, rbp, isReturnAddress: false);
            var unwinder = new StackUnwinder(new CallFrameInformation(KernelCfi(), s_cfiAddress), stack.Bytes, stack.Bottom);
            FrameRegisters before = frame;
            bool stepped = unwinder.TryStep(ref frame);
            if (!stepped) Assert.That(FakeStack.Describe(frame), Is.EqualTo(FakeStack.Describe(before)), "a failed step leaves the frame as it was");
            return stepped;
        }

        [Test]
        public void AZeroReturnAddressEndsTheWalk()
        {
            // boot.asm starts the kernel with rbp = 0; a zeroed return slot means the same.
            Assert.That(Steps(Leaf, StackBottom + 0x100, 0, StackBottom + 0x100, 0), Is.False);
            Assert.That(Steps(Leaf, StackBottom + 0x100, 0, StackBottom + 0x100, Framed + 8), Is.True, "the same frame with a caller");
        }

        [Test]
        public void NothingOutsideTheStackIsRead()
        {
            ulong top = StackBottom + StackSize;
            Assert.That(Steps(Leaf, top - 8, 0, top - 8, Framed + 8), Is.True, "the last slot");
            Assert.That(Steps(Leaf, top, 0), Is.False, "the return address above the top");
            Assert.That(Steps(Leaf, StackBottom - 8, 0), Is.False, "below the bottom");
            Assert.That(Steps(Leaf, 0, 0), Is.False);
            Assert.That(Steps(Leaf, ulong.MaxValue - 7, 0), Is.False, "an rsp that wraps");
            Assert.That(Steps(Assembly, StackBottom + 0x80, top - 8), Is.False, "the fallback's return address above the top");
            Assert.That(Steps(Assembly, StackBottom + 0x80, ulong.MaxValue - 7), Is.False, "an rbp that wraps");
            Assert.That(Steps(Leaf, StackBottom + 0x100, 0, stackSize: 0), Is.False, "no stack at all");
        }

        [Test]
        public void AMisalignedSlotIsNotRead()
        {
            Assert.That(Steps(Leaf, StackBottom + 0x101, 0), Is.False);
            Assert.That(Steps(Assembly, StackBottom + 0x80, StackBottom + 0x204), Is.False);
        }

        [Test]
        public void TheStackPointerMustRise()
        {
            // A fallback rbp below rsp would step down the stack (and could loop forever).
            ulong rsp = StackBottom + 0x200, rbp = StackBottom + 0x100;
            var stack = new FakeStack(StackBottom, StackSize, new Random(9));
            stack.Write(rbp, rsp);
            stack.Write(rbp + 8, Assembly + 0x10);
            var frame = new FrameRegisters(Assembly + 0x10, rsp, rbp, isReturnAddress: true);

            Assert.That(new StackUnwinder(new CallFrameInformation(KernelCfi(), s_cfiAddress), stack.Bytes, stack.Bottom).TryStep(ref frame), Is.False);
        }

        [TestCase(CfaFromRbx)]
        [TestCase(ReturnAddressInRegister)]
        [TestCase(UnknownOpcode)]
        [TestCase(Entry)]
        public void CfiThisWalkCannotFollowEndsIt(ulong function)
        {
            // The rbp chain is a valid one here: the walk must not guess with it once the CFI has said otherwise.
            ulong rbp = StackBottom + 0x200;
            Assert.That(Steps(function + 4, StackBottom + 0x100, rbp, rbp + 8, Framed + 8), Is.False);
        }

        [Test]
        public void MalformedCfiEndsTheWalkOrFallsBackWithoutThrowing([Range(1, 300)] int seed)
        {
            var random = new Random(seed);
            byte[] section = KernelCfi();
            int cut = random.Next(2) == 0 ? random.Next(section.Length) : section.Length;
            Array.Resize(ref section, cut);
            for (int flips = random.Next(4); flips > 0 && cut > 0; flips--) section[random.Next(cut)] = (byte)random.Next(256);
            var stack = new FakeStack(StackBottom, StackSize, random);
            ulong[] functions = { Leaf, Framed, Saver, Entry, NoReturnCaller, Next, Assembly };
            for (int i = 0; i < 64; i++)
            {
                ulong rsp = StackBottom + (ulong)random.Next(StackSize / 8) * 8;
                stack.Write(rsp, functions[random.Next(functions.Length)] + (ulong)random.Next(0x40));
            }
            var frame = new FrameRegisters(functions[random.Next(functions.Length)] + (ulong)random.Next(0x40), StackBottom + (ulong)random.Next(StackSize),
                                           StackBottom + (ulong)random.Next(StackSize), isReturnAddress: false);

            Assert.DoesNotThrow(() => stack.Walk(new CallFrameInformation(section, s_cfiAddress), frame));
        }
    }
}
