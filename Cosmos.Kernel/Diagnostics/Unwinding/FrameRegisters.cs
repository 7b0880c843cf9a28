namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    // What a stack walk knows of one frame: where it executes, its rsp and its rbp. IsReturnAddress says whether
    // InstructionPointer is a return address (the frame waits in a call, so its state is that of the call instruction,
    // which ends at the byte before) or the instruction itself was interrupted (a fault: its state is exact there).
    public readonly struct FrameRegisters
    {
        public FrameRegisters(ulong instructionPointer, ulong stackPointer, ulong framePointer, bool isReturnAddress)
        {
            InstructionPointer = instructionPointer;
            StackPointer = stackPointer;
            FramePointer = framePointer;
            IsReturnAddress = isReturnAddress;
        }

        public ulong InstructionPointer { get; }
        public ulong StackPointer { get; }
        public ulong FramePointer { get; }
        public bool IsReturnAddress { get; }

        // The address whose code the frame's state belongs to: for a return address, the last byte of its call (which
        // may end the function: a call to a method that never returns can be its last instruction).
        public ulong CodeAddress => IsReturnAddress ? InstructionPointer - 1 : InstructionPointer;
    }
}
