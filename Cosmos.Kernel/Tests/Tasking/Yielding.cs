using System;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Tests.Tasking
{
    // For tests that wait for another thread to get somewhere: with several processors a count of yields says nothing
    // about how far the other thread got, so the wait is for the condition, bounded by the clock.
    static class Yielding
    {
        const ulong Patience = 2_000_000_000;       // ns: far beyond any step a test waits for, even on a slow emulator

        // Yields until `condition` holds or the patience runs out; whether it holds.
        public static bool Until(Func<bool> condition)
        {
            ulong deadline = MonotonicClock.NowNanoseconds + Patience;
            while (!condition())
            {
                if (MonotonicClock.NowNanoseconds >= deadline) return false;
                Thread.Yield();
            }
            return true;
        }
    }
}
