namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    // One row of a frame's DWARF call-frame table, for what a stack walk needs: the CFA (canonical frame address: the
    // caller's rsp, the address just above the return address) as a register plus an offset, and where the return
    // address and the caller's rbp are. Registers are DWARF x86-64 numbers.
    public struct CallFrameRow
    {
        public const ulong FramePointerRegister = 6, StackPointerRegister = 7;
        public const ulong UndefinedRegister = ulong.MaxValue;

        public ulong CfaRegister { get; set; }
        public long CfaOffset { get; set; }
        public RegisterRule ReturnAddress { get; set; }
        public RegisterRule FramePointer { get; set; }

        // Before any instruction: no CFA, no return address, rbp untouched (callee-saved, so unchanged by default).
        public static CallFrameRow Empty => new CallFrameRow { CfaRegister = UndefinedRegister, ReturnAddress = RegisterRule.Undefined };
    }
}
