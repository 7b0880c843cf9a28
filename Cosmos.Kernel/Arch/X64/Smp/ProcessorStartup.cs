using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Arch.X64.Smp
{
    // Starts the application processors, one at a time, by the MP initialization protocol (INIT, STARTUP, STARTUP):
    // each runs the trampoline (ap_trampoline.asm) from a page below 1 MiB into 64-bit mode on a kernel stack of its
    // own, then Enter sets it up with its own GDT/TSS and per-CPU record, reports alive in the hand-off block and goes
    // on to the work it was given (the scheduler's). See docs/smp.md for the sequence. Runs on the boot processor,
    // interrupts off, before scheduling starts.
    public sealed unsafe class ProcessorStartup
    {
        const ulong InitSettleNanoseconds = 10_000_000;       // INIT to STARTUP (Intel SDM, MP initialization)
        const ulong StartupSettleNanoseconds = 200_000;       // between the two STARTUPs
        const ulong ArrivalTimeoutNanoseconds = 100_000_000;
        const ulong PageTableRootLimit = 1UL << 32;            // the trampoline loads CR3 in 32-bit mode

        // The block the processor being started reports to, and the page it runs from (both set by Prepare).
        static HandOffBlock* s_handOff;
        static ulong s_trampolinePage;
        static delegate*<PerCpuRecord*, void> s_work;

        readonly KernelStackArea _stacks;

        ProcessorStartup(KernelStackArea stacks)
        {
            _stacks = stacks;
        }

        // Copies the trampoline into a page below 1 MiB and identity maps it (paging goes on while it runs there).
        // Each processor started runs `work` once it is set up, interrupts off, never to return. Null, with the
        // reason, when processors cannot be started.
        public static ProcessorStartup Prepare(KernelStackArea stacks, delegate*<PerCpuRecord*, void> work, out string problem)
        {
            problem = null;
            if (KernelAddressSpace.RootAddress >= PageTableRootLimit)
            {
                problem = "the kernel's PML4 lies above 4 GiB, out of the trampoline's reach";
                return null;
            }
            ulong page = PhysicalMemory.Frames.AllocatePageBelow(PhysicalMemoryPlan.LowMemoryEnd);
            if (page == 0)
            {
                problem = "no free page below 1 MiB for the trampoline";
                return null;
            }
            if (!KernelAddressSpace.Map(page, page, PageAttributes.Executable))
            {
                PhysicalMemory.Frames.FreePage(page);
                problem = "no memory for the trampoline's page tables";
                return null;
            }

            byte* start = (byte*)TrampolineStart();
            var image = new ReadOnlySpan<byte>(start, (int)((byte*)TrampolineEnd() - start));
            image.CopyTo(new Span<byte>(DirectMap.ToVirtual(page), (int)PageTable.PageSize));
            s_trampolinePage = page;
            s_work = work;
            s_handOff = (HandOffBlock*)((byte*)DirectMap.ToVirtual(page) + HandOffBlock.OffsetInPage);
            return new ProcessorStartup(stacks);
        }

        // Starts the processor with this local APIC ID as CPU `index`; false when it did not report in time.
        public bool Start(uint index, uint apicId)
        {
            ulong stackTop = AllocateStack(), faultStackTop = AllocateStack();
            var tables = (DescriptorTables*)PhysicalMemory.AllocateZeroed(sizeof(DescriptorTables));
            Gdt.Build(tables, faultStackTop);
            PerCpuRecord* record = PerCpu.Create(index, apicId, tables);

            s_handOff->PageTableRoot = KernelAddressSpace.RootAddress;
            s_handOff->StackTop = stackTop;
            s_handOff->Entry = EntryAddress();
            s_handOff->Record = (ulong)record;
            s_handOff->Alive = 0;

            LocalApic.Send(InterruptCommand.Init(apicId));
            Wait(InitSettleNanoseconds);
            LocalApic.Send(InterruptCommand.Startup(apicId, s_trampolinePage));
            Wait(StartupSettleNanoseconds);
            LocalApic.Send(InterruptCommand.Startup(apicId, s_trampolinePage));   // ignored by a processor already running
            if (ReportsAliveWithin(ArrivalTimeoutNanoseconds))
            {
                PerCpu.AddRunning(record);
                return true;
            }
            // Back into wait-for-STARTUP, so that it can never wake later into a trampoline page that is gone or onto
            // stacks that are freed (its tables and record stay, two pages).
            LocalApic.Send(InterruptCommand.Init(apicId));
            _stacks.Free(stackTop);
            _stacks.Free(faultStackTop);
            return false;
        }

        // Unmaps and frees the trampoline page, once no processor runs it any more.
        public void Finish()
        {
            KernelAddressSpace.UnmapAndFree(s_trampolinePage, 1);
            s_handOff = null;
            s_trampolinePage = 0;
        }

        ulong AllocateStack()
        {
            ulong top = _stacks.Allocate();
            if (top == 0) throw new InvalidOperationException("processor start-up: no memory for a kernel stack");
            return top;
        }

        static void Wait(ulong nanoseconds)
        {
            ulong deadline = MonotonicClock.NowNanoseconds + nanoseconds;
            while (MonotonicClock.NowNanoseconds < deadline) { }
        }

        static bool ReportsAliveWithin(ulong nanoseconds)
        {
            ulong deadline = MonotonicClock.NowNanoseconds + nanoseconds;
            while (Volatile.Read(ref s_handOff->Alive) == 0)
                if (MonotonicClock.NowNanoseconds >= deadline) return false;
            return true;
        }

        // Where the trampoline sends a started processor, on its own stack, interrupts off: it takes its tables, the
        // shared IDT, its record and its local APIC, says it is alive and goes on to its work.
        [RuntimeExport("cosmos_ap_entry")]
        static void Enter(PerCpuRecord* record)
        {
            Gdt.Load(record->Tables);
            Idt.LoadOnThisProcessor();
            PerCpu.Install(record);
            CpuFeatures.EnableGlobalPages();
            Cpu.InvalidatePage(s_trampolinePage);     // the identity mapping is gone once the boot processor finishes
            LocalApic.EnableOnThisProcessor();
            Volatile.Write(ref record->LoadedRoot, Cpu.ReadCr3());
            delegate*<PerCpuRecord*, void> work = s_work;
            Volatile.Write(ref s_handOff->Alive, 1u);
            work(record);
            throw new InvalidOperationException("processor " + record->Index.ToString() + ": its work returned");
        }

        [RuntimeImport("cosmos_ap_trampoline_start_address")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong TrampolineStart();

        [RuntimeImport("cosmos_ap_trampoline_end_address")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong TrampolineEnd();

        [RuntimeImport("cosmos_ap_entry_address")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong EntryAddress();
    }
}
