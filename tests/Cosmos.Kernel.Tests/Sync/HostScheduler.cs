using System;
using System.Diagnostics;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Tests.Sync
{
    // The locks' scheduler over real host threads: every thread that touches a lock gets a HostThread, there are no
    // interrupts to turn off, and the clock is the Stopwatch's.
    public sealed class HostScheduler : IScheduler
    {
        [ThreadStatic] static HostThread t_current;

        public static readonly HostScheduler Instance = new HostScheduler();

        public static HostThread Current => t_current ??= new HostThread();

        public static void Install() => Scheduling.Install(Instance);

        public WaitingThread CurrentThread => Current;

        public uint CurrentProcessor => Current.Processor;

        public bool DisableInterrupts() => false;

        public void RestoreInterrupts(bool wereEnabled) { }

        public void SpinWait() => System.Threading.Thread.SpinWait(1);

        public ulong NowNanoseconds => (ulong)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }
}
