using Cosmos.Kernel.Diagnostics.Benchmarking;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Benchmarks
{
    // The cost of switching threads (docs/threads.md): three threads of one priority yield to each other in turn, so
    // every yield is one switch, the callee-saved registers and the fxsave image included.
    static class SchedulerBenchmarks
    {
        const int YieldsPerThread = 100_000;

        static ulong s_yields;

        public static void Run()
        {
            s_yields = 0;
            ulong start = Benchmark.Now();
            Thread first = Thread.Start("yielder", YieldRepeatedly);
            Thread second = Thread.Start("yielder", YieldRepeatedly);
            while (first.State != ThreadState.Exited || second.State != ThreadState.Exited) CountedYield();
            Benchmark.Report("thread.switch", (Benchmark.Now() - start) / s_yields, "cycles/switch");
        }

        static void YieldRepeatedly()
        {
            for (int i = 0; i < YieldsPerThread; i++) CountedYield();
        }

        static void CountedYield()
        {
            s_yields++;
            Thread.Yield();
        }
    }
}
