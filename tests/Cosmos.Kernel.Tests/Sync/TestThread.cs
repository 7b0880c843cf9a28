using System;
using System.Diagnostics;
using System.Threading;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Sync
{
    // A real background thread for a test: a stuck one cannot hang the run (Join fails the test instead), and an
    // exception in it is rethrown by Join rather than crashing the test host.
    public sealed class TestThread
    {
        readonly Thread _thread;
        Exception _failure;

        TestThread(Action body)
        {
            using var started = new ManualResetEventSlim();
            _thread = new Thread(() =>
            {
                Waiter = HostScheduler.Current;
                started.Set();
                try { body(); }
                catch (Exception e) { _failure = e; }
            }) { IsBackground = true };
            _thread.Start();
            started.Wait();
        }

        // The thread as the locks see it.
        public HostThread Waiter { get; private set; }

        public static TestThread Start(Action body) => new TestThread(body);

        public void Join(double timeoutSeconds = 10)
        {
            if (!_thread.Join(TimeSpan.FromSeconds(timeoutSeconds)))
                Assert.Fail($"a thread was still running after {timeoutSeconds} s: stuck");
            if (_failure != null) throw new AggregateException(_failure);
        }

        // Runs `body(0..count-1)` on that many threads and joins them all within `timeoutSeconds` in total.
        public static void RunAll(int count, Action<int> body, double timeoutSeconds = 10)
        {
            var threads = new TestThread[count];
            for (int i = 0; i < count; i++)
            {
                int index = i;
                threads[i] = Start(() => body(index));
            }
            var clock = Stopwatch.StartNew();
            foreach (TestThread thread in threads)
                thread.Join(Math.Max(0, timeoutSeconds - clock.Elapsed.TotalSeconds));
        }

        // Waits (polling) until `condition` holds; fails after `timeoutSeconds`.
        public static void WaitUntil(Func<bool> condition, string what, double timeoutSeconds = 5)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed.TotalSeconds > timeoutSeconds) Assert.Fail("timed out waiting until " + what);
                Thread.Sleep(1);
            }
        }
    }
}
