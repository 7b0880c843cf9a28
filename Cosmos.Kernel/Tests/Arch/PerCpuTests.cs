using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Acpi;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Tests.Tasking;

namespace Cosmos.Kernel.Tests.Arch
{
    // The per-CPU records: the boot processor's as KernelMain installs it, read back through the GS segment, and one
    // for every processor the MADT lists, each started and running.
    static unsafe class PerCpuTests
    {
        [KernelTest]
        internal static void TheBootProcessorsRecordThroughGsHasIndexZeroAndItsOwnApicId()
        {
            OnProcessor.Run(0, () =>
            {
                PerCpuRecord* record = PerCpu.Current;
                Assert.True(record != null, "gs:[0] holds the record's address");
                Assert.Equal((ulong)record, Cpu.ReadMsr(PerCpu.GsBaseMsr), "the record sits at the GS base");
                Assert.Equal(0u, record->Index, "the boot processor is CPU 0");
                Assert.Equal(LocalApic.ApicId, record->ApicId, "the record holds the ID the local APIC reports");
            });
        }

        // A thread pinned to each processor runs there: every processor schedules threads.
        [KernelTest]
        internal static void EveryProcessorRunsThreads()
        {
            for (int position = 0; position < PerCpu.RunningCount; position++)
            {
                uint index = PerCpu.Running(position)->Index;
                uint ranOn = uint.MaxValue;
                OnProcessor.Run(index, () => ranOn = CurrentIndex());
                Assert.Equal(index, ranOn, "the processor a thread pinned to CPU " + index.ToString() + " ran on");
            }
        }

        static uint CurrentIndex()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            uint index = PerCpu.Current->Index;
            Cpu.RestoreInterrupts(interrupts);
            return index;
        }

        [KernelTest]
        internal static void EveryProcessorTheMadtListsIsOnline()
        {
            int enabled = 0;
            foreach (MadtProcessor processor in KernelMain.Processors)
            {
                if (!processor.Enabled) continue;
                enabled++;
                PerCpuRecord* record = PerCpu.FindRunning(processor.ApicId);
                if (!Assert.True(record != null, "APIC " + processor.ApicId + " runs")) continue;
                Assert.Equal((ulong)record, record->Self, "APIC " + processor.ApicId + "'s record points at itself");
                Assert.True(record->Tables != null, "APIC " + processor.ApicId + " has its own GDT and TSS");
            }
            Assert.Equal(enabled, PerCpu.RunningCount, "no processor runs that the MADT does not list");
        }
    }
}
