namespace Cosmos.Kernel.Arch.X64
{
    // The optional CPU features the kernel uses, read once from CPUID, and the switches that turn them on.
    public static unsafe class CpuFeatures
    {
        const uint ExtendedFeaturesLeaf = 0x80000001;
        const uint ExtendedFeatureNoExecute = 1u << 20;           // EDX: the NX page bit
        const uint StandardFeaturesLeaf = 1;
        const uint StandardFeatureGlobalPages = 1u << 13;         // EDX: PGE
        const uint StandardFeatureRandomNumbers = 1u << 30;       // ECX: RDRAND
        const uint ExtendedFeatureMsr = 0xC0000080;               // EFER
        const ulong EferNoExecuteEnable = 1UL << 11;
        internal const ulong Cr4GlobalPagesEnable = 1UL << 7;

        // Whether pages can be marked no-execute (once EnableNoExecute has run).
        public static bool NoExecute { get; private set; }

        // Whether kernel mappings can be global: kept in the TLB across address-space switches.
        public static bool GlobalPages { get; private set; }

        // Whether RDRAND exists.
        public static bool RandomNumbers { get; private set; }

        // Detects the features and turns on those the kernel relies on when present. Page tables may use the NX and
        // global bits only after this: without EFER.NXE the NX bit is reserved and faults.
        public static void Enable()
        {
            uint* registers = stackalloc uint[4];
            Cpu.Cpuid(ExtendedFeaturesLeaf & 0x80000000, 0, registers);
            bool hasExtendedLeaf = registers[0] >= ExtendedFeaturesLeaf;
            if (hasExtendedLeaf)
            {
                Cpu.Cpuid(ExtendedFeaturesLeaf, 0, registers);
                if ((registers[3] & ExtendedFeatureNoExecute) != 0)
                {
                    Cpu.WriteMsr(ExtendedFeatureMsr, Cpu.ReadMsr(ExtendedFeatureMsr) | EferNoExecuteEnable);
                    NoExecute = true;
                }
            }
            Cpu.Cpuid(StandardFeaturesLeaf, 0, registers);
            GlobalPages = (registers[3] & StandardFeatureGlobalPages) != 0;
            RandomNumbers = (registers[2] & StandardFeatureRandomNumbers) != 0;
        }

        // Turns on global pages (after the kernel's own tables are in place: the switch flushes the whole TLB).
        public static void EnableGlobalPages()
        {
            if (GlobalPages) Cpu.WriteCr4(Cpu.ReadCr4() | Cr4GlobalPagesEnable);
        }
    }
}
