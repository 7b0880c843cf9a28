using System;
using System.Collections.Generic;
using Cosmos.Kernel.Diagnostics.Unwinding;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // Lays out a stack as a chain of calls leaves it, from the outermost frame in, given each frame's row in readelf's
    // notation (RowNotation) from a source that is not the unwinder: written by hand, or readelf's own reading of the
    // real CFI. A call pushes its return address at the caller's rsp - 8, so the callee's CFA is the caller's rsp; the
    // callee saves the caller's rbp where its row says, and its own rsp and rbp follow from the CFA rule.
    public static class CallChain
    {
        public sealed record Frame(ulong InstructionPointer, string Row);

        // `frames` innermost first: frames[0] was interrupted at its instruction, the others wait in calls (the
        // outermost needs no row). Returns every frame's registers: where the unwinder starts ([0]) and each frame it
        // must step to ([1..]).
        public static FrameRegisters[] Lay(FakeStack stack, IReadOnlyList<Frame> frames, Random random)
        {
            int last = frames.Count - 1;
            var registers = new FrameRegisters[frames.Count];
            registers[last] = new FrameRegisters(frames[last].InstructionPointer, stack.Top - 8 * (ulong)random.Next(2, 16),
                                                 RandomWord(random), isReturnAddress: last > 0);
            for (int i = last - 1; i >= 0; i--)
            {
                FrameRegisters caller = registers[i + 1];
                var row = RowNotation.Parse(frames[i].Row);
                ulong cfa = caller.StackPointer;
                ulong lowestSlot = cfa + (ulong)row.ReturnAddressOffset;
                stack.Write(lowestSlot, caller.InstructionPointer);
                ulong rbp = caller.FramePointer;
                if (row.SavedRbpOffset is long saved)
                {
                    stack.Write(cfa + (ulong)saved, caller.FramePointer);
                    lowestSlot = Math.Min(lowestSlot, cfa + (ulong)saved);
                    rbp = RandomWord(random);   // once saved, rbp is the callee's to use
                }
                ulong rsp = cfa - (ulong)row.CfaOffset;
                if (row.CfaFromRbp)
                {
                    if (row.SavedRbpOffset == null && rsp != caller.FramePointer)
                        throw new ArgumentException($"frame {i}: a CFA from an rbp the callee never set ({frames[i].Row})");
                    rbp = rsp;
                    rsp = Math.Min(lowestSlot, rbp) - 8 * (ulong)random.Next(0, 32);   // locals of a size only rbp knows
                }
                registers[i] = new FrameRegisters(frames[i].InstructionPointer, rsp, rbp, isReturnAddress: i > 0);
            }
            return registers;
        }

        static ulong RandomWord(Random random) => (ulong)random.NextInt64() * 2 + (ulong)random.Next(2);
    }
}
