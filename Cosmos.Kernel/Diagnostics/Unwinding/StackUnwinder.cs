using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    // Steps a stopped stack from one frame to its caller's: by the frame's call-frame information where it has an FDE
    // (every C# method), else by the rbp chain (the assembly functions that sit in traces keep `push rbp; mov rbp,
    // rsp` frames). It reads only inside the given stack and requires the stack pointer to rise at every step, so a
    // corrupt stack ends the walk instead of faulting or looping.
    public readonly ref struct StackUnwinder
    {
        readonly CallFrameInformation _frames;
        readonly ReadOnlySpan<byte> _stack;
        readonly ulong _stackAddress;

        // `stackAddress` is the virtual address of stack[0].
        public StackUnwinder(CallFrameInformation frames, ReadOnlySpan<byte> stack, ulong stackAddress)
        {
            _frames = frames;
            _stack = stack;
            _stackAddress = stackAddress;
        }

        // Replaces `frame` with its caller's registers; false, leaving it as it was, at the end of the stack or where
        // the frame cannot be unwound.
        public bool TryStep(ref FrameRegisters frame)
        {
            ulong returnAddress, callerStack, callerFrame;
            if (_frames.TryFindDescription(frame.CodeAddress, out FrameDescription description))
            {
                if (!_frames.TryComputeRow(description, frame.CodeAddress, out CallFrameRow row)
                    || !TryFollow(row, frame, out returnAddress, out callerStack, out callerFrame)) return false;
            }
            else
            {
                if (!TryRead(frame.FramePointer, out callerFrame) || !TryRead(frame.FramePointer + 8, out returnAddress)) return false;
                callerStack = frame.FramePointer + 16;
            }
            if (returnAddress == 0 || callerStack <= frame.StackPointer) return false;
            frame = new FrameRegisters(returnAddress, callerStack, callerFrame, isReturnAddress: true);
            return true;
        }

        bool TryFollow(in CallFrameRow row, in FrameRegisters frame, out ulong returnAddress, out ulong cfa, out ulong callerFrame)
        {
            returnAddress = callerFrame = cfa = 0;
            if (row.CfaRegister == CallFrameRow.StackPointerRegister) cfa = frame.StackPointer + (ulong)row.CfaOffset;
            else if (row.CfaRegister == CallFrameRow.FramePointerRegister) cfa = frame.FramePointer + (ulong)row.CfaOffset;
            else return false;
            // An undefined return address marks the outermost frame; a return address kept in a register is not one
            // this walk can follow.
            if (row.ReturnAddress.Kind != RegisterRuleKind.SavedAtCfaOffset
                || !TryRead(cfa + (ulong)row.ReturnAddress.Offset, out returnAddress)) return false;
            switch (row.FramePointer.Kind)
            {
                case RegisterRuleKind.SavedAtCfaOffset: return TryRead(cfa + (ulong)row.FramePointer.Offset, out callerFrame);
                case RegisterRuleKind.Unchanged: callerFrame = frame.FramePointer; return true;
                default: return true;   // lost: 0 makes a later fallback to the rbp chain stop
            }
        }

        bool TryRead(ulong address, out ulong value)
        {
            value = 0;
            ulong offset = address - _stackAddress;
            if ((address & 7) != 0 || address < _stackAddress || _stack.Length < 8 || offset > (ulong)(_stack.Length - 8)) return false;
            value = BinaryPrimitives.ReadUInt64LittleEndian(_stack.Slice((int)offset));
            return true;
        }
    }
}
