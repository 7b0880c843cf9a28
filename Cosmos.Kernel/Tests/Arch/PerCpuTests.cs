using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.Arch
{
    // The boot processor's per-CPU record as KernelMain installs it, read back through the GS segment.
    static unsafe class PerCpuTests
    {
        [KernelTest]
        internal static void TheBootProcessorsRecordThroughGsHasIndexZeroAndItsOwnApicId()
        {
            PerCpuRecord* record = PerCpu.Current;
            Assert.True(record != null, "gs:[0] holds the record's address");
            Assert.Equal((ulong)record, Cpu.ReadMsr(PerCpu.GsBaseMsr), "the record sits at the GS base");
            Assert.Equal(0u, record->Index, "the boot processor is CPU 0");
            Assert.Equal(LocalApic.ApicId, record->ApicId, "the record holds the ID the local APIC reports");
        }
    }
}
