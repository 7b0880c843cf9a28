using System;
using Cosmos.Kernel.Sync;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Sync
{
    [TestFixture, CancelAfter(20_000)]
    public class SpinLockTests
    {
        [Test]
        public void ThreadsThatContendNeverOverlap()
        {
            var spinLock = new SpinLock();
            long counter = 0;
            TestThread.RunAll(4, _ =>
            {
                for (int i = 0; i < 50_000; i++)
                {
                    spinLock.Acquire();
                    counter++;                      // not atomic: only the lock keeps it exact
                    spinLock.Release();
                }
            });
            Assert.That(counter, Is.EqualTo(4 * 50_000));
        }

        [Test]
        public void TheHolderCountsItsSpinLocks()
        {
            var outer = new SpinLock();
            var inner = new SpinLock();
            outer.Acquire();
            inner.Acquire();
            Assert.That(HostScheduler.Current.SpinLocksHeld, Is.EqualTo(2));
            Assert.That(inner.IsHeldByCurrentProcessor, Is.True);
            inner.Release();
            outer.Release();
            Assert.That(HostScheduler.Current.SpinLocksHeld, Is.Zero);
            Assert.That(outer.IsHeldByCurrentProcessor, Is.False);
        }

        [Test]
        public void AcquireAndReleaseAllocateNothing()
        {
            var spinLock = new SpinLock();
            spinLock.Acquire();                     // the thread's HostThread exists from here on
            spinLock.Release();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                spinLock.Acquire();
                spinLock.Release();
            }
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }

        static readonly TestCaseData[] BlockingCalls =
        {
            new TestCaseData((Action)(() => new Mutex().Lock())).SetArgDisplayNames("Mutex.Lock"),
            new TestCaseData((Action)(() => new WaitQueue().Wait())).SetArgDisplayNames("WaitQueue.Wait"),
            new TestCaseData((Action)(() => new RwLock().EnterRead())).SetArgDisplayNames("RwLock.EnterRead"),
            new TestCaseData((Action)(() => new RwLock().EnterWrite())).SetArgDisplayNames("RwLock.EnterWrite"),
        };

        // Each would return at once here (nothing else holds the lock), but in general it may sleep, and a thread
        // holding a spinlock runs with interrupts off: the rule is checked on every call, not only when it sleeps.
        [TestCaseSource(nameof(BlockingCalls))]
        public void ABlockingCallWhileHoldingASpinLockIsAnError(Action blockingCall)
        {
            var spinLock = new SpinLock();
            spinLock.Acquire();
            var error = Assert.Throws<InvalidOperationException>(() => blockingCall());
            spinLock.Release();
            Assert.That(error.Message, Does.Contain("holds a spinlock"));
        }

        [Test]
        public void AcquiringALockThisProcessorHoldsIsAnError()
        {
            var spinLock = new SpinLock();
            spinLock.Acquire();
            var error = Assert.Throws<InvalidOperationException>(spinLock.Acquire);
            Assert.That(error.Message, Does.Contain("already holds"));
            spinLock.Release();
        }

        [Test]
        public void ReleasingALockThisProcessorDoesNotHoldIsAnError()
        {
            var spinLock = new SpinLock();
            Assert.Throws<InvalidOperationException>(spinLock.Release, "never acquired");
            spinLock.Acquire();
            Exception fromOther = null;
            TestThread.Start(() => fromOther = Assert.Catch(spinLock.Release)).Join();
            Assert.That(fromOther, Is.TypeOf<InvalidOperationException>().With.Message.Contains("does not hold"));
            spinLock.Release();
        }
    }
}
