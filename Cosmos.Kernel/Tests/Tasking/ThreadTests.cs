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

        // Yields until the thread has exited, at most `turns` times; whether it did.
        static bool YieldUntilExited(Thread thread, int turns = 1000)
        {
            for (int i = 0; i < turns && thread.State != ThreadState.Exited; i++) Thread.Yield();
            Thread.Yield();                         // the switch after an exit frees the exited thread's stack
            return thread.State == ThreadState.Exited;
        }

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
            int count = 0;
            Scheduler scheduler = Scheduler.Instance;
            int slice = scheduler.TimeSliceTicks;
            scheduler.TimeSliceTicks = int.MaxValue;        // only the yields decide the order, not the timer
            Thread a = Thread.Start("a", () => { for (int i = 0; i < 3; i++) { order[count++] = 'a'; Thread.Yield(); } });
            Thread b = Thread.Start("b", () => { for (int i = 0; i < 3; i++) { order[count++] = 'b'; Thread.Yield(); } });
            YieldUntilExited(a);
            YieldUntilExited(b);
            scheduler.TimeSliceTicks = slice;
            Assert.Equal("ababab", new string(order, 0, count), "the order they ran in");
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
            Thread first = Thread.Start("joiner", () => { target.Join(); joined++; });
            Thread second = Thread.Start("joiner", () => { target.Join(); joined++; });
            for (int i = 0; i < 10; i++) Thread.Yield();
            Assert.Equal(0, joined, "joiners of a parked thread wait");
            Assert.Equal((int)ThreadState.Blocked, (int)first.State, "a joiner's state");
            target.Unpark();
            first.Join();
            second.Join();
            Assert.Equal(2, joined, "joiners woken by the exit");
        }

        [KernelTest]
        internal static void StacksGoBackWhenThreadsExit()
        {
            GC.Collect();
            ulong freeBefore = PhysicalMemory.Allocator.Statistics.FreePages;
            StartAndFinishThreads(50);
            GC.Collect();
            ulong freeAfter = PhysicalMemory.Allocator.Statistics.FreePages;
            Assert.Equal(freeBefore, freeAfter, "free pages after 50 threads came and went (their stacks are 16 pages each)");
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
