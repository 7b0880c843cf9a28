namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    // A CIE (common information entry) of .eh_frame: what the frame descriptions pointing at it share. That is the
    // factors their CFA instructions are scaled by, the column holding the return address, how their code addresses
    // are encoded, and the initial instructions every frame's first row starts from ([InstructionsStart,
    // InstructionsEnd), offsets into the section).
    public readonly struct CommonInformation
    {
        public CommonInformation(ulong codeAlignment, long dataAlignment, ulong returnAddressRegister, byte pointerEncoding,
                                 bool hasAugmentationData, int instructionsStart, int instructionsEnd)
        {
            CodeAlignment = codeAlignment;
            DataAlignment = dataAlignment;
            ReturnAddressRegister = returnAddressRegister;
            PointerEncoding = pointerEncoding;
            HasAugmentationData = hasAugmentationData;
            InstructionsStart = instructionsStart;
            InstructionsEnd = instructionsEnd;
        }

        public ulong CodeAlignment { get; }
        public long DataAlignment { get; }
        public ulong ReturnAddressRegister { get; }
        public byte PointerEncoding { get; }
        // Augmentation "z...": each FDE carries a length-prefixed block of augmentation data (an LSDA pointer for ILC).
        public bool HasAugmentationData { get; }
        public int InstructionsStart { get; }
        public int InstructionsEnd { get; }
    }
}
