using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Cosmos.Kernel.Sync;
using NUnit.Framework;
using Mutex = Cosmos.Kernel.Sync.Mutex;

namespace Cosmos.Kernel.Tests.Sync
{
    [TestFixture, CancelAfter(20_000)]
    public class WaitQueueTests
    {
        const ulong Millisecond = 1_000_000;

        // The classic condition-variable stress: a lost wakeup leaves a producer or consumer asleep for good (the run
        // then fails by timeout), a broken mutex loses or duplicates items.
        [Test]
        public void ProducersAndConsumersOverABoundedQueueLoseNothing()
        {
            const int Items = 100_000, Producers = 4, Consumers = 4;
            var queue = new BoundedQueue(capacity: 8);
            var seen = new int[Items];
            TestThread.RunAll(Producers + Consumers, index =>
            {
                if (index < Producers)
                    for (int item = index; item < Items; item += Producers) queue.Put(item);
                else
                    for (int i = index - Producers; i < Items; i += Consumers)
                        Interlocked.Increment(ref seen[queue.Take()]);
            }, timeoutSeconds: 15);
            Assert.That(Array.FindIndex(seen, count => count != 1), Is.EqualTo(-1), "an item not seen exactly once");
            Assert.That(queue.Count, Is.Zero);
        }

        // The window the queue-before-release order closes: the waiter has released the mutex but not parked yet, and
        // a waker takes the mutex and wakes right then. The waker sleeps in Lock, so the waiter's release unparks it;
        // the hook then holds the waiter back until the waker is done. A waiter queued only after releasing the mutex
        // would miss the wake and time out.
        [Test]
        public void AWakeBetweenReleasingTheMutexAndParkingIsNotLost()
        {
            var mutex = new Mutex();
            var queue = new WaitQueue();
            bool ready = false, wokeSomeone = false;
            using var wakerDone = new ManualResetEventSlim();
            mutex.Lock();
            var waker = TestThread.Start(() =>
            {
                mutex.Lock();
                ready = true;
                wokeSomeone = queue.WakeOne();
                mutex.Unlock();
                wakerDone.Set();
            });
            TestThread.WaitUntil(() => waker.Waiter.IsParked, "the waker sleeps in Lock");
            waker.Waiter.AfterUnpark = () => Assert.That(wakerDone.Wait(TimeSpan.FromSeconds(5)), Is.True, "waker ran");
            WaitResult result = queue.Wait(mutex, 2000 * Millisecond);
            waker.Join();
            Assert.That(wokeSomeone, Is.True, "the waker found the waiter queued");
            Assert.That(result, Is.EqualTo(WaitResult.Woken));
            Assert.That(ready, Is.True);
            mutex.Unlock();
        }

        [Test]
        public void WaitHoldsTheMutexAgainAtItsDepth()
        {
            var mutex = new Mutex();
            var queue = new WaitQueue();
            mutex.Lock();
            mutex.Lock();
            mutex.Lock();
            var waker = TestThread.Start(() =>
            {
                mutex.Lock();                       // possible only once the waiter released all three levels
                queue.WakeOne();
                mutex.Unlock();
            });
            Assert.That(queue.Wait(mutex), Is.EqualTo(WaitResult.Woken));
            waker.Join();
            Assert.That(mutex.IsHeldByCurrentThread, Is.True);
            Assert.That(mutex.Depth, Is.EqualTo(3));
            for (int i = 0; i < 3; i++) mutex.Unlock();
        }

        [Test]
        public void ATimeoutEndsTheWaitNoEarlierThanAskedWithTheMutexHeld()
        {
            var mutex = new Mutex();
            var queue = new WaitQueue();
            mutex.Lock();
            mutex.Lock();
            var clock = Stopwatch.StartNew();
            WaitResult result = queue.Wait(mutex, 50 * Millisecond);
            clock.Stop();
            Assert.That(result, Is.EqualTo(WaitResult.TimedOut));
            Assert.That(clock.Elapsed.TotalMilliseconds, Is.GreaterThanOrEqualTo(50));
            Assert.That(mutex.Depth, Is.EqualTo(2));
            Assert.That(queue.Count, Is.Zero, "a timed-out waiter leaves the queue");
            Assert.That(queue.Wait(timeoutNanoseconds: 0), Is.EqualTo(WaitResult.TimedOut), "a zero timeout polls");
            mutex.Unlock();
            mutex.Unlock();
        }

        [Test]
        public void InterruptEndsTheCurrentWait()
        {
            var queue = new WaitQueue();
            WaitResult result = WaitResult.Woken;
            var waiter = TestThread.Start(() => result = queue.Wait());
            TestThread.WaitUntil(() => waiter.Waiter.IsParked, "the waiter parks");
            waiter.Waiter.Interrupt();
            waiter.Join();
            Assert.That(result, Is.EqualTo(WaitResult.Interrupted));
            Assert.That(queue.Count, Is.Zero);
        }

        [Test]
        public void InterruptBeforeAWaitEndsTheNextOneOnly()
        {
            var queue = new WaitQueue();
            HostScheduler.Current.Interrupt();
            Assert.That(queue.Wait(), Is.EqualTo(WaitResult.Interrupted));
            Assert.That(queue.Wait(timeoutNanoseconds: 10 * Millisecond), Is.EqualTo(WaitResult.TimedOut));
        }

        // A stale permit (an Unpark not from this queue) makes Park return early; Wait parks again.
        [Test]
        public void AStrayUnparkDoesNotEndAWait()
        {
            var queue = new WaitQueue();
            HostScheduler.Current.Unpark();
            Assert.That(queue.Wait(timeoutNanoseconds: 20 * Millisecond), Is.EqualTo(WaitResult.TimedOut));
        }

        [Test]
        public void WakeOneWakesInArrivalOrderAndWakeAllWakesEveryone()
        {
            var queue = new WaitQueue();
            Assert.That(queue.WakeOne(), Is.False, "nobody waits");
            var order = new List<int>();
            var waiters = new TestThread[3];
            for (int i = 0; i < waiters.Length; i++)
            {
                int index = i;
                waiters[i] = TestThread.Start(() =>
                {
                    Assert.That(queue.Wait(), Is.EqualTo(WaitResult.Woken));
                    lock (order) order.Add(index);
                });
                TestThread.WaitUntil(() => queue.Count == index + 1, "waiter " + index + " queues");
            }
            Assert.That(queue.WakeOne(), Is.True);
            waiters[0].Join();
            Assert.That(queue.WakeOne(), Is.True);
            waiters[1].Join();
            Assert.That(order, Is.EqualTo(new[] { 0, 1 }));
            TestThread.Start(() => queue.Wait());
            TestThread.WaitUntil(() => queue.Count == 2, "another waiter queues");
            Assert.That(queue.WakeAll(), Is.EqualTo(2));
            waiters[2].Join();
            Assert.That(queue.Count, Is.Zero);
        }

        [Test]
        public void WaitingWithAMutexNotHeldIsAnError()
        {
            var queue = new WaitQueue();
            var error = Assert.Throws<InvalidOperationException>(() => queue.Wait(new Mutex()));
            Assert.That(error.Message, Does.Contain("not held"));
            Assert.That(queue.Count, Is.Zero);
        }
    }
}
