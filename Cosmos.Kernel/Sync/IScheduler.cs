namespace Cosmos.Kernel.Sync
{
    // What the locks need from whoever runs threads: the kernel's scheduler (Tasking/Scheduler), or real host threads
    // in the host tests. Installed once (Scheduling.Install) before any lock is used.
    public interface IScheduler
    {
        // The thread running this code.
        WaitingThread CurrentThread { get; }

        // The processor running this code: a spinlock records its owner's.
        uint CurrentProcessor { get; }

        // Turns interrupts off on this processor and returns whether they were on; RestoreInterrupts puts that back.
        bool DisableInterrupts();

        void RestoreInterrupts(bool wereEnabled);

        // Called on every turn of a spin-wait: a hint to the processor, and where a processor answers the requests
        // other processors make of it while it spins with interrupts off (they may be waiting for it in turn).
        void SpinWait();

        // A monotonic clock, for timeouts.
        ulong NowNanoseconds { get; }
    }
}
