namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    // An FDE (frame description entry) of .eh_frame: the code [Start, End) it covers, its CIE, and the CFA
    // instructions ([InstructionsStart, InstructionsEnd), offsets into the section) that say, address by address,
    // where that code's frame keeps its caller's state. ILC writes one per method and one per funclet.
    public readonly struct FrameDescription
    {
        public FrameDescription(ulong start, ulong end, CommonInformation common, int instructionsStart, int instructionsEnd)
        {
            Start = start;
            End = end;
            Common = common;
            InstructionsStart = instructionsStart;
            InstructionsEnd = instructionsEnd;
        }

        public ulong Start { get; }
        public ulong End { get; }
        public CommonInformation Common { get; }
        public int InstructionsStart { get; }
        public int InstructionsEnd { get; }

        public bool Covers(ulong address) => address >= Start && address < End;
    }
}
