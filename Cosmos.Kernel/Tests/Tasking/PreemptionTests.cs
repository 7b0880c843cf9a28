using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics.Benchmarking;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Tests.Tasking
{
    // The timer at work: threads that never yield still take turns, their SSE registers intact, and sleepers wake on
    // time.
    static class PreemptionTests
    {
        const int SseWorkersPerProcessor = 3;
        const ulong Preemptions = 2000;
        const int Sleeps = 5;
        const ulong SleepNanoseconds = 10_000_000;
        const ulong TickNanoseconds = 1_000_000_000 / KernelMain.TickHertz;

        // Thread.Sleep(10) parks for at least 10 ms, and the first tick that finds the deadline passed wakes the
        // thread: the typical sleep ends within one tick of its deadline, plus the switch to it (a tenth of a tick is
        // allowed for that). The median of five, so that one late tick from a busy host does not decide.
        [KernelTest]
        internal static void ASleepOfTenMillisecondsEndsWithinOneTickOfItsDeadline()
        {
            var slept = new ulong[Sleeps];
            for (int i = 0; i < Sleeps; i++)
            {
                ulong start = MonotonicClock.NowNanoseconds;
                Thread.Sleep((int)(SleepNanoseconds / 1_000_000));
                slept[i] = MonotonicClock.NowNanoseconds - start;
                Assert.True(slept[i] >= SleepNanoseconds, "a sleep ended early, after " + slept[i].ToString() + " ns");
            }
            ulong median = Benchmark.Median(slept);
            Assert.True(median <= SleepNanoseconds + TickNanoseconds + TickNanoseconds / 10,
                        "the median sleep took " + median.ToString() + " ns, over a tick past the deadline");
        }

        // Threads that only compute (in XMM registers, as C# doubles are) are switched thousands of times by the
        // timer alone; a switch that lost or mixed up XMM state would leave a wrong sum in some thread.
        [KernelTest]
        internal static void XmmRegistersSurviveThousandsOfPreemptions()
        {
            Scheduler scheduler = Scheduler.Instance;
            int slice = scheduler.TimeSliceTicks;
            scheduler.TimeSliceTicks = 1;
            ulong until = scheduler.ContextSwitches + Preemptions;
            int count = SseWorkersPerProcessor * PerCpu.RunningCount;        // more than the processors: they take turns
            var intact = new bool[count];
            var workers = new Thread[count];
            for (int i = 0; i < count; i++)
            {
                int worker = i;
                workers[i] = Thread.Start("sse", () => intact[worker] = SumsStayExact(worker + 1, until));
            }
            foreach (Thread worker in workers) worker.Join();
            scheduler.TimeSliceTicks = slice;
            for (int i = 0; i < count; i++) Assert.True(intact[i], "the sums of SSE worker " + i.ToString());
        }

        // Adds seed, 2 seed, 3 seed and 4 seed to four doubles until the scheduler has switched `until` times, and
        // checks each against the count of rounds (exact: the values stay far below 2^53).
        static bool SumsStayExact(int seed, ulong until)
        {
            double a = 0, b = 0, c = 0, d = 0;
            long rounds = 0;
            while (Scheduler.Instance.ContextSwitches < until)
            {
                a += seed;
                b += 2 * seed;
                c += 3 * seed;
                d += 4 * seed;
                rounds++;
            }
            return a == rounds * seed && b == rounds * 2 * seed && c == rounds * 3 * seed && d == rounds * 4 * seed;
        }
    }
}
