using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Sync;
using Cosmos.Kernel.Tasking;
using Cosmos.Kernel.Tests.Tasking;

namespace Cosmos.Kernel.Tests.Sync
{
    // The locks on real kernel threads. The timer preempts them anywhere, and the critical sections below also yield
    // on purpose, so that the others certainly try to get in while they are held.
    static class LockTests
    {
        const ulong Millisecond = 1_000_000;

        // Starts `count` threads running `body(index)` and waits until they have all finished.
        static void RunTogether(int count, System.Action<int> body)
        {
            var threads = new Thread[count];
            for (int i = 0; i < count; i++)
            {
                int index = i;
                threads[i] = Thread.Start("crew", () => body(index));
            }
            foreach (Thread thread in threads) thread.Join();
        }

        [KernelTest]
        internal static void ProducersAndConsumersOverABoundedQueueLoseNothing()
        {
            const int Items = 100_000, Producers = 4, Consumers = 4;
            var queue = new BoundedQueue(capacity: 8);
            var seen = new byte[Items];
            RunTogether(Producers + Consumers, index =>
            {
                if (index < Producers)
                    for (int item = index; item < Items; item += Producers) queue.Put(item);
                else
                    for (int i = index - Producers; i < Items; i += Consumers) seen[queue.Take()]++;
            });
            int wrong = 0;
            for (int i = 0; i < Items; i++) if (seen[i] != 1) wrong++;
            Assert.Equal(0, wrong, "items not taken exactly once");
            Assert.Equal(0, queue.Count, "items left in the queue");
        }

        // Each holder reads the counter, yields to the others, then writes it back: only exclusion keeps it exact.
        [KernelTest]
        internal static void AMutexExcludesThreadsThatYieldInside()
        {
            var mutex = new Mutex();
            int counter = 0;
            RunTogether(4, _ =>
            {
                for (int i = 0; i < 50; i++)
                {
                    mutex.Lock();
                    int seen = counter;
                    Thread.Yield();
                    counter = seen + 1;
                    mutex.Unlock();
                }
            });
            Assert.Equal(200, counter, "increments");
        }

        // Readers and writers yield inside; every entry checks that a writer is alone and readers see no writer.
        [KernelTest]
        internal static void AnRwLockNeverLetsAWriterOverlapAnyone()
        {
            var rwLock = new RwLock();
            int readers = 0, writers = 0, violations = 0, writes = 0;
            Assert.True(ReadersShare(rwLock), "a second reader gets in while the first holds the lock");
            RunTogether(6, index =>
            {
                for (int i = 0; i < 40; i++)
                {
                    if ((i + index) % 4 == 0)
                    {
                        rwLock.EnterWrite();
                        if (++writers != 1 || System.Threading.Volatile.Read(ref readers) != 0) System.Threading.Interlocked.Increment(ref violations);
                        Thread.Yield();
                        writes++;
                        writers--;
                        rwLock.ExitWrite();
                    }
                    else
                    {
                        rwLock.EnterRead();                      // readers run at once on several processors
                        if (writers != 0) System.Threading.Interlocked.Increment(ref violations);
                        System.Threading.Interlocked.Increment(ref readers);
                        Thread.Yield();
                        System.Threading.Interlocked.Decrement(ref readers);
                        rwLock.ExitRead();
                    }
                }
            });
            Assert.Equal(0, violations, "overlaps");
            Assert.Equal(60, writes, "writes");
        }

        static bool ReadersShare(RwLock rwLock)
        {
            bool inside = false;
            rwLock.EnterRead();
            Thread second = Thread.Start("second reader", () =>
            {
                rwLock.EnterRead();
                inside = true;
                rwLock.ExitRead();
            });
            bool shared = Yielding.Until(() => inside);
            rwLock.ExitRead();
            second.Join();
            return shared;
        }

        // Readers overlap without a break (each yields inside, and re-enters as soon as it leaves), so the lock is never
        // free of readers; a writer must still get in, long before the readers run out of turns.
        [KernelTest]
        internal static void AStreamOfReadersDoesNotStarveAWriter()
        {
            const int Readers = 4, ReadsEach = 10_000;
            var rwLock = new RwLock();
            int reads = 0, readsBeforeTheWrite = -1;
            RunTogether(Readers + 1, index =>
            {
                if (index == Readers)
                {
                    for (int i = 0; i < 10; i++) Thread.Yield();        // the readers are in
                    int readsBeforeTheAttempt = reads;
                    rwLock.EnterWrite();
                    readsBeforeTheWrite = reads - readsBeforeTheAttempt;
                    rwLock.ExitWrite();
                    return;
                }
                for (int i = 0; i < ReadsEach && readsBeforeTheWrite < 0; i++)
                {
                    rwLock.EnterRead();
                    reads++;
                    Thread.Yield();
                    rwLock.ExitRead();
                }
            });
            Assert.True(readsBeforeTheWrite >= 0, "the writer got in");
            Assert.True(readsBeforeTheWrite < Readers * ReadsEach / 10,
                        "the writer waited for " + readsBeforeTheWrite.ToString() + " reads");
        }

        [KernelTest]
        internal static void AWaitTimesOutNoEarlierThanAskedAndHoldsTheMutexAgain()
        {
            var mutex = new Mutex();
            var queue = new WaitQueue();
            mutex.Lock();
            ulong start = MonotonicClock.NowNanoseconds;
            WaitResult result = queue.Wait(mutex, 5 * Millisecond);
            ulong waited = MonotonicClock.NowNanoseconds - start;
            Assert.Equal((long)WaitResult.TimedOut, (long)result, "the result");
            Assert.True(waited >= 5 * Millisecond, "timed out after " + waited.ToString() + " ns, asked for 5 ms");
            Assert.True(mutex.IsHeldByCurrentThread, "the mutex is held again");
            Assert.Equal(0, queue.Count, "the queue is empty again");
            mutex.Unlock();
        }

        [KernelTest]
        internal static void WaitWithAZeroTimeoutKeepsTheMutexAtItsDepth()
        {
            var mutex = new Mutex();
            var queue = new WaitQueue();
            mutex.Lock();
            mutex.Lock();
            Assert.Equal((long)WaitResult.TimedOut, (long)queue.Wait(mutex, 0), "the result");
            Assert.True(mutex.IsHeldByCurrentThread, "the mutex is held again");
            Assert.Equal(2, mutex.Depth, "at its depth");
            Assert.Equal(0, queue.Count, "the queue is empty again");
            mutex.Unlock();
            mutex.Unlock();
        }

        [KernelTest]
        internal static void InterruptEndsAWait()
        {
            var queue = new WaitQueue();
            var result = (WaitResult)(-1);
            Thread waiter = Thread.Start("waiter", () => result = queue.Wait());
            Yielding.Until(() => queue.Count != 0);
            Assert.Equal(1, queue.Count, "the waiter waits");
            waiter.Interrupt();
            Yielding.Until(() => result != (WaitResult)(-1));
            Assert.Equal((long)WaitResult.Interrupted, (long)result, "the waiter's result");
            Assert.Equal(0, queue.Count, "the queue is empty again");
        }

        [KernelTest]
        internal static void ASpinLockIsCountedOnItsHolder()
        {
            var spinLock = new SpinLock();
            WaitingThread self = Thread.Current;
            spinLock.Acquire();
            Assert.Equal(1, self.SpinLocksHeld, "spinlocks held inside");
            Assert.True(spinLock.IsHeldByCurrentProcessor, "held by this processor");
            spinLock.Release();
            Assert.Equal(0, self.SpinLocksHeld, "spinlocks held after");
            Assert.False(spinLock.IsHeldByCurrentProcessor, "released");
        }
    }
}
