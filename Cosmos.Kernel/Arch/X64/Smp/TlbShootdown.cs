using System.Threading;

namespace Cosmos.Kernel.Arch.X64.Smp
{
    // Keeps the other processors' TLBs in step with a page-table change: the changer invalidates its own entry, then
    // asks each processor that may hold a stale one to flush its whole TLB (global entries too) and waits until each
    // has. A request is a count in the target's PerCpuRecord (FlushesRequested), answered by an interrupt there that
    // copies it to FlushesDone: requests from several processors at once need no lock, and one flush answers them all.
    //
    // The wait must not deadlock: the target takes the interrupt only with interrupts on. So a processor waits here
    // holding no InterruptSpinLock (a target may be spinning on it with interrupts off), and while it waits it answers
    // the requests others make of it (flushes, a stop of the world), as they may be waiting for it in the same way.
    public static unsafe class TlbShootdown
    {
        public static void Initialize()
        {
            Idt.SetHandler(InterruptVectors.TlbShootdown, &OnRequest);
        }

        // Every other running processor: for a change to the kernel's mappings, which all share.
        public static void FlushOthers() => FlushOthersWithRoot(0);

        // The other running processors whose CR3 holds `root` (a process's page table) now.
        public static void FlushOthersWithRoot(ulong root)
        {
            if (PerCpu.RunningCount < 2 || WorldStop.IsHeldByThisProcessor) return;    // the stopped flush as they resume
            PerCpuRecord* self = PerCpu.Current;
            Interlocked.MemoryBarrier();        // the page-table change is visible before LoadedRoot is read
            int count = PerCpu.RunningCount;
            ulong* awaited = stackalloc ulong[count];
            for (int i = 0; i < count; i++)
            {
                PerCpuRecord* target = PerCpu.Running(i);
                awaited[i] = 0;
                if (target == self || (root != 0 && Volatile.Read(ref target->LoadedRoot) != root)) continue;
                awaited[i] = Interlocked.Increment(ref target->FlushesRequested);
                LocalApic.Send(InterruptCommand.Fixed(target->ApicId, InterruptVectors.TlbShootdown));
            }
            for (int i = 0; i < count; i++)
            {
                PerCpuRecord* target = PerCpu.Running(i);
                while (Volatile.Read(ref target->FlushesDone) < awaited[i]) ServeWhileWaiting();
            }
        }

        // For a processor spinning until another one makes progress: answers what others may be waiting for from it.
        public static void ServeWhileWaiting()
        {
            ServeFlush(PerCpu.Current);
            WorldStop.ServeIfRequested();
            Cpu.Pause();
        }

        static void OnRequest(InterruptFrame* frame) => ServeFlush(PerCpu.Current);

        // Interrupts off, so that the interrupt's flush and a waiting loop's do not write FlushesDone out of order.
        static void ServeFlush(PerCpuRecord* self)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            ulong requested = Volatile.Read(ref self->FlushesRequested);
            if (requested != self->FlushesDone)
            {
                Cpu.FlushTlb();
                Volatile.Write(ref self->FlushesDone, requested);
            }
            Cpu.RestoreInterrupts(interrupts);
        }
    }
}
