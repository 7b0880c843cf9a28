using System;
using System.Threading;
using Cosmos.Kernel.Sync;
using NUnit.Framework;
using Mutex = Cosmos.Kernel.Sync.Mutex;

namespace Cosmos.Kernel.Tests.Sync
{
    [TestFixture, CancelAfter(20_000)]
    public class MutexTests
    {
        [Test]
        public void ThreadsThatContendNeverOverlap()
        {
            var mutex = new Mutex();
            long counter = 0;
            int inside = 0, overlaps = 0;
            TestThread.RunAll(8, _ =>
            {
                for (int i = 0; i < 20_000; i++)
                {
                    mutex.Lock();
                    if (Interlocked.Increment(ref inside) != 1) Interlocked.Increment(ref overlaps);
                    counter++;
                    Interlocked.Decrement(ref inside);
                    mutex.Unlock();
                }
            });
            Assert.That(overlaps, Is.Zero);
            Assert.That(counter, Is.EqualTo(8 * 20_000));
        }

        [Test]
        public void TheOwnerMayLockAgainAndUnlocksAsManyTimes()
        {
            var mutex = new Mutex();
            mutex.Lock();
            mutex.Lock();
            Assert.That(mutex.TryLock(), Is.True);
            Assert.That(mutex.Depth, Is.EqualTo(3));
            Assert.That(mutex.IsHeldByCurrentThread, Is.True);
            Assert.That(TryLockElsewhere(mutex), Is.False);
            mutex.Unlock();
            mutex.Unlock();
            Assert.That(TryLockElsewhere(mutex), Is.False, "still held at depth 1");
            mutex.Unlock();
            Assert.That(mutex.IsHeldByCurrentThread, Is.False);
            Assert.That(TryLockElsewhere(mutex), Is.True);
        }

        [Test]
        public void UnlockingAMutexNotHeldIsAnError()
        {
            var mutex = new Mutex();
            Assert.That(Assert.Throws<InvalidOperationException>(mutex.Unlock).Message, Does.Contain("not held"));
            mutex.Lock();
            Exception fromOther = null;
            TestThread.Start(() => fromOther = Assert.Catch(mutex.Unlock)).Join();
            Assert.That(fromOther, Is.TypeOf<InvalidOperationException>());
            Assert.That(mutex.IsHeldByCurrentThread, Is.True, "the failed unlock changed nothing");
            mutex.Unlock();
        }

        // B sleeps in Lock(other) on a mutex A holds; A can then take `other`, which B held before: B released it.
        [Test]
        public void LockWithAnotherMutexReleasesItWhileSleeping()
        {
            var mutex = new Mutex();
            var other = new Mutex();
            mutex.Lock();
            int depthOfOtherAfter = 0;
            var sleeper = TestThread.Start(() =>
            {
                other.Lock();
                other.Lock();
                mutex.Lock(other);
                depthOfOtherAfter = other.IsHeldByCurrentThread ? other.Depth : -1;
                mutex.Unlock();
                other.Unlock();
                other.Unlock();
            });
            TestThread.WaitUntil(() => sleeper.Waiter.IsParked, "the sleeper parks");
            other.Lock();                           // would never return if the sleeper still held it
            other.Unlock();
            mutex.Unlock();
            sleeper.Join();
            Assert.That(depthOfOtherAfter, Is.EqualTo(2), "the other mutex is held again, at its depth");
        }

        [Test]
        public void UncontendedLockAndUnlockAllocateNothing()
        {
            var mutex = new Mutex();
            mutex.Lock();                           // the thread's HostThread exists from here on
            mutex.Unlock();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                mutex.Lock();
                mutex.Lock();
                mutex.Unlock();
                mutex.Unlock();
            }
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }

        static bool TryLockElsewhere(Mutex mutex)
        {
            bool locked = false;
            TestThread.Start(() =>
            {
                locked = mutex.TryLock();
                if (locked) mutex.Unlock();
            }).Join();
            return locked;
        }
    }
}
