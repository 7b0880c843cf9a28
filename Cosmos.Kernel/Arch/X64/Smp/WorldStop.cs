using System.Threading;

namespace Cosmos.Kernel.Arch.X64.Smp
{
    // Holds every other running processor still while one processor works on what they all share (the kernel's
    // collector). The stopper, with interrupts off, sends each an interrupt and waits until each stands in it; then
    // they wait until Resume, flush their TLBs (the stopper may have unmapped kernel pages meanwhile) and go on.
    //
    // A processor takes the interrupt only with interrupts on, which is where it holds no InterruptSpinLock and is in
    // no scheduler switch: so it stops where everything it shares is consistent, and where the stopper may take any
    // lock. Loops that may wait for the stopper with interrupts off answer the stop themselves (ServeIfRequested:
    // the heap's lock, TLB shootdown waits). While it stands still, StoppedAt holds its stack pointer: from there up,
    // its stack holds its registers and every frame it was running.
    public static unsafe class WorldStop
    {
        static int s_active;            // a stop is on
        static ulong s_generation;      // counts stops, so that a late answer to one is not taken for the next
        static PerCpuRecord* s_stopper;

        public static void Initialize()
        {
            Idt.SetHandler(InterruptVectors.WorldStop, &OnRequest);
        }

        // Whether the calling processor has the others stopped (it then does their TLB work for them).
        public static bool IsHeldByThisProcessor => Volatile.Read(ref s_active) != 0 && s_stopper == PerCpu.Current;

        // Stops every other running processor; interrupts must be off, and one stop at a time (the caller's lock).
        public static void StopOthers()
        {
            int count = PerCpu.RunningCount;
            if (count < 2) return;
            PerCpuRecord* self = PerCpu.Current;
            ulong generation = ++s_generation;
            s_stopper = self;
            Volatile.Write(ref s_active, 1);
            for (int i = 0; i < count; i++)
            {
                PerCpuRecord* other = PerCpu.Running(i);
                if (other != self) LocalApic.Send(InterruptCommand.Fixed(other->ApicId, InterruptVectors.WorldStop));
            }
            for (int i = 0; i < count; i++)
            {
                PerCpuRecord* other = PerCpu.Running(i);
                while (other != self && Volatile.Read(ref other->StopsServed) != generation) Cpu.Pause();
            }
        }

        public static void ResumeOthers()
        {
            if (PerCpu.RunningCount < 2) return;
            s_stopper = null;
            Volatile.Write(ref s_active, 0);
        }

        // The stack pointer of a stopped processor, from which its stack is to be scanned; 0 for the caller.
        public static ulong StoppedAt(PerCpuRecord* processor)
            => processor == s_stopper ? 0 : Volatile.Read(ref processor->StoppedAt);

        // For a loop that spins with interrupts off: stands still here if a stop is on for this processor.
        public static void ServeIfRequested()
        {
            if (Volatile.Read(ref s_active) != 0 && s_stopper != PerCpu.Current) Cpu.CallWithRegistersOnStack(&StandStill);
        }

        static void OnRequest(InterruptFrame* frame) => StandStill((ulong)frame);

        static void StandStill(ulong stackPointer)
        {
            PerCpuRecord* self = PerCpu.Current;
            bool interrupts = Cpu.DisableInterruptsSaving();
            // Active before generation: the stopper writes them the other way round, so this sees the stop's own.
            bool active = Volatile.Read(ref s_active) != 0;
            ulong generation = Volatile.Read(ref s_generation);
            if (active && s_stopper != self && self->StopsServed != generation)
            {
                self->StoppedAt = stackPointer;
                Volatile.Write(ref self->StopsServed, generation);
                while (Volatile.Read(ref s_active) != 0 && Volatile.Read(ref s_generation) == generation) Cpu.Pause();
                self->StoppedAt = 0;
                Cpu.FlushTlb();
            }
            Cpu.RestoreInterrupts(interrupts);
        }
    }
}
