using System;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Tests.Tasking
{
    static class ThreadTests
    {
        const ulong NoDeadline = ulong.MaxValue;

        // Yields until the thread has exited (its stack freed); whether it did in time.
        static bool YieldUntilExited(Thread thread) => Yielding.Until(() => thread.State == ThreadState.Exited);

        [KernelTest]
        internal static void AThreadRunsItsEntryThenExits()
        {
            int ran = 0;
            Thread thread = Thread.Start("runner", () => ran++);
            thread.Join();
            Assert.Equal((int)ThreadState.Exited, (int)thread.State, "the thread's state after its entry returned");
            Assert.Equal(1, ran, "times the entry ran");
            Assert.True(thread.Id != Thread.Current.Id, "a thread of its own");
        }

        [KernelTest]
        internal static void ThreadsOfOnePriorityTakeTurns()
        {
            var order = new char[6];
            int count = 0, started = 0;
            Scheduler scheduler = Scheduler.Instance;
            int slice = scheduler.TimeSliceTicks;
            scheduler.TimeSliceTicks = int.MaxValue;        // only the yields decide the order, not the timer
            // Both on the boot processor, where turns are taken, and neither goes before both are there.
            Action takeTurns = () =>
            {
                char name = Thread.Current.Name[0];
                System.Threading.Interlocked.Increment(ref started);
                while (System.Threading.Volatile.Read(ref started) < 2) Thread.Yield();
                for (int i = 0; i < 3; i++) { order[count++] = name; Thread.Yield(); }
            };
            Thread a = Thread.Start("a", takeTurns, pinnedTo: 0);
            Thread b = Thread.Start("b", takeTurns, pinnedTo: 0);
            YieldUntilExited(a);
            YieldUntilExited(b);
            scheduler.TimeSliceTicks = slice;
            string ran = new string(order, 0, count);
            Assert.True(ran == "ababab" || ran == "bababa", "the order they ran in: " + ran);
        }

        [KernelTest]
        internal static void AnUnparkBeforeParkMakesParkReturnAtOnce()
        {
            Thread self = Thread.Current;
            self.Unpark();
            self.Park(NoDeadline);                  // would block forever without the permit
            Assert.True(self.State == ThreadState.Running, "still running");
        }

        [KernelTest]
        internal static void AParkedThreadRunsAgainWhenUnparked()
        {
            int stage = 0;
            Thread worker = Thread.Start("parker", () =>
            {
                stage = 1;
                Thread.Current.Park(NoDeadline);
                stage = 2;
            });
            Yielding.Until(() => stage == 1);
            for (int i = 0; i < 10; i++) Thread.Yield();
            Assert.Equal(1, stage, "the worker got to its Park");
            Assert.Equal((int)ThreadState.Blocked, (int)worker.State, "and stays parked while others run");
            worker.Unpark();
            Assert.True(YieldUntilExited(worker), "the unparked worker finishes");
            Assert.Equal(2, stage, "it went on after Park");
        }

        [KernelTest]
        internal static void JoinWaitsUntilTheThreadHasExited()
        {
            int turns = 0;
            Thread worker = Thread.Start("worker", () => { for (; turns < 5; turns++) Thread.Yield(); });
            worker.Join();
            Assert.Equal((int)ThreadState.Exited, (int)worker.State, "the joined thread's state");
            Assert.Equal(5, turns, "turns the worker took before Join returned");
            worker.Join();                          // an exited thread is joined at once
        }

        [KernelTest]
        internal static void EveryJoinerOfAThreadIsWoken()
        {
            int joined = 0;
            Thread target = Thread.Start("target", () => Thread.Current.Park(NoDeadline));
            Thread first = Thread.Start("joiner", () => { target.Join(); System.Threading.Interlocked.Increment(ref joined); });
            Thread second = Thread.Start("joiner", () => { target.Join(); System.Threading.Interlocked.Increment(ref joined); });
            Yielding.Until(() => first.State == ThreadState.Blocked && second.State == ThreadState.Blocked);
            Assert.Equal((int)ThreadState.Blocked, (int)first.State, "a joiner's state");
            Assert.Equal((int)ThreadState.Blocked, (int)second.State, "the other joiner's state");
            Assert.Equal(0, joined, "joiners of a parked thread wait");
            target.Unpark();
            first.Join();
            second.Join();
            Assert.Equal(2, joined, "joiners woken by the exit");
        }

        [KernelTest]
        internal static void StacksGoBackWhenThreadsExit()
        {
            KernelStackArea stacks = Scheduler.Instance.Stacks;
            int before = stacks.StacksInUse;
            StartAndFinishThreads(50);
            Assert.Equal(before, stacks.StacksInUse, "stacks in use after 50 threads came and went");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void StartAndFinishThreads(int count)
        {
            var threads = new Thread[count];
            for (int i = 0; i < count; i++) threads[i] = Thread.Start("short-lived", () => Thread.Yield());
            foreach (Thread thread in threads) YieldUntilExited(thread);
        }

        // The collector scans the stacks of switched-out threads: an object held only there survives.
        [KernelTest]
        internal static void AnObjectHeldOnlyOnAnotherThreadsStackSurvivesACollection()
        {
            long checksum = 0;
            Thread holder = Thread.Start("holder", () =>
            {
                long[] values = FilledArray(1000);
                Thread.Current.Park(NoDeadline);
                for (int i = 0; i < values.Length; i++) checksum += values[i];
            });
            Thread.Yield();                         // the holder makes its array and parks
            GC.Collect();
            AllocateGarbage();                      // would reuse the array's slot had it been freed
            holder.Unpark();
            YieldUntilExited(holder);
            Assert.Equal(1000L * 999 / 2 * 3, checksum, "the array's contents after a collection while its thread was switched out");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static long[] FilledArray(int length)
        {
            var values = new long[length];
            for (int i = 0; i < length; i++) values[i] = 3L * i;
            return values;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void AllocateGarbage()
        {
            for (int i = 0; i < 2000; i++) { var garbage = new long[1000]; garbage[i % 1000] = -1; }
        }
    }
}
