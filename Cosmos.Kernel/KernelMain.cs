using System;
using System.Collections.Generic;
using System.Runtime;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Acpi;
using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Benchmarks;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Boot.Multiboot2;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Syscalls;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel
{
    // The composition root: brings the layers up in order and decides what this boot is for.
    public static unsafe class KernelMain
    {
        const string SymbolsModuleName = "symbols", InitialRamDiskModuleName = "initrd", InitPath = "/bin/init";
        public const uint TickHertz = 1000;

        // What the bootloader reported, kept for the in-kernel tests and diagnostics.
        public static Multiboot2Info BootInfo { get; private set; }

        // The processors the MADT lists, kept for the in-kernel tests and the deliberate faults.
        public static IReadOnlyList<MadtProcessor> Processors { get; private set; }

        // Called by boot.asm in long mode, on the boot stack, once the runtime has set up statics.
        [RuntimeExport("cosmos_kernel_main")]
        static void Main(ulong multibootInfoPhysical, ulong loadBasePhysical)
        {
            var console = new SerialPort(SerialPort.Com1);
            KernelLog.Initialize(console);
            KernelImage.Initialize(loadBasePhysical);
            Gdt.Initialize(KernelImage.FaultStackTop());
            Idt.Initialize();
            CpuExceptionReporter.Install();

            Multiboot2Info bootInfo = ReadBootInfo(multibootInfoPhysical);
            BootInfo = bootInfo;
            StackTrace.UseSymbols(LoadSymbols(bootInfo));
            PhysicalMemory.Initialize(bootInfo);
            KernelAddressSpace.Initialize(PhysicalMemory.Plan.EndAddress);
            MemoryReport.WritePlan(bootInfo);
            PerCpu.StartBootProcessor();
            KernelHeap.Initialize();
            MemoryFileSystem files = LoadInitialRamDisk(bootInfo);
            PhysicalMemoryStatistics beforeRelease = PhysicalMemory.Allocator.Statistics;
            PhysicalMemory.Allocator.ReleaseModules();
            MemoryReport.WriteModuleRelease(beforeRelease, PhysicalMemory.Allocator.Statistics);
            MemoryReport.WriteHeapStatistics();
            Scheduler.Initialize();
            var acpi = new AcpiTables(bootInfo.Rsdp, ReadPhysical);
            Power.UseAcpi(AcpiSleep.FindSoftOff(acpi));
            StartInterrupts(new Madt(acpi.Find("APIC")), console);
            SystemCalls.Install(files);
            var commandLine = new KernelCommandLine(bootInfo.CommandLine);
            KernelLog.WriteLine("CosmosOS booted by " + bootInfo.BootloaderName + ": image at physical 0x"
                                + KernelImage.PhysicalLoadBase.ToString("x") + ", command line \""
                                + bootInfo.CommandLine + "\"");

            string fault = commandLine.GetValue("fault");
            if (fault != null && !DeliberateFault.Commit(fault)) Panic.Halt("unknown fault kind '" + fault + "'");
            if (commandLine.HasFlag("test"))
            {
                TestRunner.RunAll();
                RunInit(InitPath, "test");
                KernelLog.Flush();
                Power.Off();
            }
            if (commandLine.HasFlag("bench"))
            {
                HeapBenchmarks.Run();
                SchedulerBenchmarks.Run();
                SyncBenchmarks.Run();
                RunInit(InitPath, "bench", "rwlock");
                ProcessPageTable.ReadersExclusive = true;
                RunInit(InitPath, "bench", "whole-lock");
                KernelLog.Flush();
                Power.Off();
            }
            if (!commandLine.HasFlag("monitor") && RunInit(InitPath)) Power.Off();
            KernelMonitor.Run();
        }

        // Runs /bin/init with `arguments` (argv[0] first) and waits for it: when init ends, so does the system. False
        // when it could not start.
        static bool RunInit(params string[] arguments)
        {
            Errno error = ProgramStarter.Start(InitPath, arguments, new[] { "HOME=/", "PATH=/bin" }, null, out Process init);
            if (error != Errno.None)
            {
                KernelLog.WriteLine("cannot start " + InitPath + ": error " + ((int)error).ToString() + "; the kernel monitor takes over");
                return false;
            }
            init.MainThread.Join();
            KernelLog.WriteLine(InitPath + " ended with wait status " + init.WaitStatus.ToString());
            return true;
        }

        // Copies the initrd module (a ustar archive) into the file system programs see, before modules are released.
        static MemoryFileSystem LoadInitialRamDisk(Multiboot2Info bootInfo)
        {
            var files = new MemoryFileSystem();
            foreach (BootModule module in bootInfo.Modules)
            {
                if (module.CommandLine != InitialRamDiskModuleName) continue;
                string problem = files.AddArchive(new ReadOnlySpan<byte>(DirectMap.ToVirtual(module.Start), (int)module.Size));
                KernelLog.WriteLine(problem == null ? "INITRD " + module.Size.ToString() + " bytes" : "initrd: " + problem);
                return files;
            }
            KernelLog.WriteLine("no initrd module: no programs to run");
            return files;
        }

        // Parks the legacy PICs, brings up the APICs, measures the clocks, starts the tick and console input; then
        // interrupts go on for good (the scheduler starts every later thread with them on).
        static void StartInterrupts(Madt madt, SerialPort console)
        {
            LegacyPic.RemapAndMask();
            LocalApic.Initialize(madt.LocalApicAddress);
            TlbShootdown.Initialize();
            WorldStop.Initialize();
            IoApic.Initialize(madt);
            PitCalibration.Measure();
            MonotonicClock.Initialize(PitCalibration.TimestampFrequency);
            ApicTimer.Initialize(PitCalibration.ApicTimerFrequency);
            ApicTimer.StartPeriodic(TickHertz);
            KernelLog.WriteLine("TIMER TSC " + PitCalibration.TimestampFrequency + " Hz, APIC timer "
                                + PitCalibration.ApicTimerFrequency + " Hz, tick " + TickHertz + " Hz, local APIC "
                                + LocalApic.ApicId + " at 0x" + LocalApic.PhysicalAddress.ToString("x") + ", "
                                + madt.Processors.Count + " processor(s), I/O APIC with " + IoApic.InputCount
                                + " inputs");
            StartApplicationProcessors(madt);
            ConsoleInput.Start(console);
            Scheduler.Instance.EnableInterrupts(TickHertz);
        }

        // Starts the other processors one at a time; each runs threads once interrupts go on (docs/smp.md).
        static void StartApplicationProcessors(Madt madt)
        {
            Processors = madt.Processors;
            List<uint> others = ProcessorDiscovery.ApplicationProcessors(madt.Processors, LocalApic.ApicId);
            if (others.Count > 0) StartEach(others);
            KernelLog.WriteLine("CPUS ONLINE " + PerCpu.RunningCount + " of " + (others.Count + 1));
        }

        // CPU indices follow the discovery order; a missing processor keeps its number.
        static void StartEach(List<uint> apicIds)
        {
            ProcessorStartup startup = ProcessorStartup.Prepare(Scheduler.Instance.Stacks, &Scheduler.RunApplicationProcessor, out string problem);
            if (startup == null)
            {
                KernelLog.WriteLine("cannot start the other processors: " + problem);
                return;
            }
            for (int i = 0; i < apicIds.Count; i++)
            {
                uint index = (uint)(i + 1);
                bool online = startup.Start(index, apicIds[i]);
                KernelLog.WriteLine("CPU " + index + (online ? " online" : " missing") + " (APIC " + apicIds[i] + ")");
            }
            startup.Finish();
        }

        static Multiboot2Info ReadBootInfo(ulong physical)
        {
            byte* info = (byte*)DirectMap.ToVirtual(physical);
            int size = Multiboot2Info.ReadTotalSize(new ReadOnlySpan<byte>(info, 8));
            return Multiboot2Info.Parse(new ReadOnlySpan<byte>(info, size));
        }

        // Copies the symbol file out of its boot module: the module's memory goes back to the allocator later.
        static SymbolTable LoadSymbols(Multiboot2Info bootInfo)
        {
            foreach (BootModule module in bootInfo.Modules)
            {
                if (module.CommandLine != SymbolsModuleName) continue;
                var text = new byte[module.Size];
                new ReadOnlySpan<byte>(DirectMap.ToVirtual(module.Start), text.Length).CopyTo(text);
                return new SymbolTable(text);
            }
            KernelLog.WriteLine("no symbols module: stack traces show addresses only");
            return null;
        }

        static ReadOnlySpan<byte> ReadPhysical(ulong address, int length)
            => new ReadOnlySpan<byte>(DirectMap.ToVirtual(address), length);
    }
}
