using Cosmos.Kernel.Diagnostics.Benchmarking;
using Cosmos.Kernel.Sync;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Benchmarks
{
    // What the locks cost when nobody contends them, and how soon a woken thread runs (docs/locks.md). The wakeup is
    // measured as a handoff: two threads take turns under a mutex, each waking the other and then waiting, so each
    // figure runs from WakeOne to the woken thread's return from Wait, with the mutex held again.
    static class SyncBenchmarks
    {
        const int Repetitions = 100_000;
        const int Handoffs = 10_000;

        static readonly Mutex s_turnLock = new Mutex();
        static readonly WaitQueue s_bootTurn = new WaitQueue(), s_partnerTurn = new WaitQueue();
        static bool s_partnersTurn;
        static ulong s_wokenAt, s_wakeupCycles, s_wakeups;

        public static void Run()
        {
            var spinLock = new SpinLock();
            ulong start = Benchmark.Now();
            for (int i = 0; i < Repetitions; i++)
            {
                spinLock.Acquire();
                spinLock.Release();
            }
            Benchmark.Report("spinlock.acquire-release", (Benchmark.Now() - start) / Repetitions, "cycles/pair");

            var mutex = new Mutex();
            start = Benchmark.Now();
            for (int i = 0; i < Repetitions; i++)
            {
                mutex.Lock();
                mutex.Unlock();
            }
            Benchmark.Report("mutex.lock-unlock", (Benchmark.Now() - start) / Repetitions, "cycles/pair");

            Thread partner = Thread.Start("handoff", () => TakeTurns(true, s_partnerTurn, s_bootTurn));
            Thread.Yield();                         // the partner starts waiting for its turn
            TakeTurns(false, s_bootTurn, s_partnerTurn);
            partner.Join();
            Benchmark.Report("wait-queue.wakeup", s_wakeupCycles / s_wakeups, "cycles");
        }

        // Waits for `mine` to be signalled while it is not this side's turn, then hands the turn over, Handoffs times.
        static void TakeTurns(bool partner, WaitQueue mine, WaitQueue theirs)
        {
            s_turnLock.Lock();
            for (int i = 0; i < Handoffs; i++)
            {
                while (s_partnersTurn != partner) mine.Wait(s_turnLock);
                if (s_wokenAt != 0)                 // the first turn was nobody's wakeup
                {
                    s_wakeupCycles += Benchmark.Now() - s_wokenAt;
                    s_wakeups++;
                }
                s_partnersTurn = !partner;
                s_wokenAt = Benchmark.Now();
                theirs.WakeOne();
            }
            s_turnLock.Unlock();
        }
    }
}
