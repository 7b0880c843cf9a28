using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Cosmos.Kernel.Diagnostics.Unwinding;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // A stack in a byte buffer at a virtual address, filled with random bytes so that reading a wrong slot gives a
    // wrong answer, and written slot by slot as calls would leave it.
    public sealed class FakeStack
    {
        public FakeStack(ulong bottom, int size, Random random)
        {
            Bottom = bottom;
            Bytes = new byte[size];
            random.NextBytes(Bytes);
        }

        public ulong Bottom { get; }
        public byte[] Bytes { get; }
        public ulong Top => Bottom + (ulong)Bytes.Length;

        public void Write(ulong address, ulong value)
        {
            if (address < Bottom || address + 8 > Top || (address & 7) != 0) throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:x} is not a slot of the stack");
            BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan((int)(address - Bottom)), value);
        }

        public static string Describe(FrameRegisters frame) =>
            $"rip=0x{frame.InstructionPointer:x}{(frame.IsReturnAddress ? " (return address)" : "")} rsp=0x{frame.StackPointer:x} rbp=0x{frame.FramePointer:x}";

        // Every frame the unwinder steps to from `start`, up to `limit` steps.
        public List<FrameRegisters> Walk(CallFrameInformation frames, FrameRegisters start, int limit = 64)
        {
            var unwinder = new StackUnwinder(frames, Bytes, Bottom);
            var callers = new List<FrameRegisters>();
            while (callers.Count < limit && unwinder.TryStep(ref start)) callers.Add(start);
            return callers;
        }
    }
}
