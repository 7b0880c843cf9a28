using System;
using System.Threading;

namespace Cosmos.Kernel.Sync
{
    // Threads waiting for something, woken in the order they came (FIFO). The queue is guarded by its own SpinLock; a
    // waiter is linked in through its own fields, so waiting never allocates.
    // Wait with a mutex is the condition-variable operation: the thread is queued BEFORE the mutex is released, so a
    // waker that takes the mutex after that finds it queued and unparks it; the permit makes its Park return even if
    // the wake came before the Park (see docs/locks.md). The other primitives block through Enqueue and Block.
    public sealed class WaitQueue
    {
        public const ulong Infinite = ulong.MaxValue;

        readonly SpinLock _lock = new SpinLock();
        WaitingThread _head, _tail;
        int _count;

        // How many threads are queued (a snapshot).
        public int Count => Volatile.Read(ref _count);

        // Sleeps until woken, interrupted or `timeoutNanoseconds` have passed. With a mutex (which the caller must
        // hold, at any depth): releases it fully while sleeping and holds it again, at the same depth, on return.
        // A return of Woken may also come from the permit of an earlier Unpark: callers re-check their condition.
        public WaitResult Wait(Mutex mutex = null, ulong timeoutNanoseconds = Infinite)
        {
            IScheduler scheduler = Scheduling.Scheduler;
            WaitingThread self = scheduler.CurrentThread;
            if (mutex != null && !mutex.IsHeldByCurrentThread)
                throw new InvalidOperationException("WaitQueue.Wait: the mutex is not held by this thread");
            CheckMayBlock(self, "WaitQueue.Wait");
            ulong deadline = Deadline(scheduler, timeoutNanoseconds);
            Enqueue(self);
            int depth = mutex != null ? mutex.ReleaseFully() : 0;
            WaitResult result = Block(self, deadline, interruptible: true);
            if (mutex != null) mutex.Reacquire(depth);
            return result;
        }

        // Sleeps until woken or interrupted, unless `ready` (checked after the thread is queued, so that a wake between
        // the check and the sleep is not lost) says that what the caller waits for is already there (Woken).
        public unsafe WaitResult WaitUnless(delegate*<bool> ready)
        {
            WaitingThread self = Scheduling.Scheduler.CurrentThread;
            CheckMayBlock(self, "WaitQueue.WaitUnless");
            Enqueue(self);
            if (ready() && Remove(self)) return WaitResult.Woken;
            return Block(self, Infinite, interruptible: true);
        }

        // Wakes the thread that has waited longest; whether there was one.
        public bool WakeOne()
        {
            _lock.Acquire();
            WaitingThread thread = _head;
            if (thread != null) Wake(thread);
            _lock.Release();
            return thread != null;
        }

        // Wakes every waiting thread; how many.
        public int WakeAll()
        {
            _lock.Acquire();
            int woken = 0;
            for (; _head != null; woken++) Wake(_head);
            _lock.Release();
            return woken;
        }

        // Puts the current thread at the back of the queue; it then releases whatever guards its condition and Blocks.
        internal void Enqueue(WaitingThread self)
        {
            _lock.Acquire();
            self.QueuedOn = this;
            self.NextWaiter = null;
            self.PreviousWaiter = _tail;
            if (_tail != null) _tail.NextWaiter = self;
            else _head = self;
            _tail = self;
            _count++;
            _lock.Release();
        }

        // Parks the enqueued current thread until a wake takes it off the queue (Woken), the deadline passes
        // (TimedOut) or, if interruptible, it is interrupted (Interrupted); in the last two it leaves the queue.
        internal WaitResult Block(WaitingThread self, ulong deadline, bool interruptible)
        {
            IScheduler scheduler = Scheduling.Scheduler;
            while (Volatile.Read(ref self.QueuedOn) == this)
            {
                if (interruptible && self.InterruptPending) return Leave(self, WaitResult.Interrupted);
                if (deadline != Infinite && scheduler.NowNanoseconds >= deadline)
                    return Leave(self, WaitResult.TimedOut);
                self.Park(deadline);
            }
            return WaitResult.Woken;
        }

        // Takes the current thread off the queue if it is still on it; whether it was (if not, a wake took it).
        internal bool Remove(WaitingThread self)
        {
            _lock.Acquire();
            bool queued = self.QueuedOn == this;
            if (queued) Unlink(self);
            _lock.Release();
            return queued;
        }

        internal static void CheckMayBlock(WaitingThread self, string operation)
        {
            if (self.SpinLocksHeld != 0)
                throw new InvalidOperationException(operation + ": the thread holds a spinlock and must not sleep");
        }

        internal static ulong Deadline(IScheduler scheduler, ulong timeoutNanoseconds)
        {
            if (timeoutNanoseconds == Infinite) return Infinite;
            ulong now = scheduler.NowNanoseconds;
            return timeoutNanoseconds >= Infinite - now ? Infinite - 1 : now + timeoutNanoseconds;
        }

        // A wake that lands after the thread stopped waiting for its own reasons wins: the waker counted it as woken.
        WaitResult Leave(WaitingThread self, WaitResult reason)
        {
            if (!Remove(self)) return WaitResult.Woken;
            if (reason == WaitResult.Interrupted) self.ConsumeInterrupt();
            return reason;
        }

        // Under the lock: off the queue, then the permit. Unlink is done with the thread's links before the thread can
        // see it was woken, so it may queue itself elsewhere at once; the Unpark then at worst ends a later Park early.
        void Wake(WaitingThread thread)
        {
            Unlink(thread);
            thread.Unpark();
        }

        void Unlink(WaitingThread thread)
        {
            if (thread.PreviousWaiter != null) thread.PreviousWaiter.NextWaiter = thread.NextWaiter;
            else _head = thread.NextWaiter;
            if (thread.NextWaiter != null) thread.NextWaiter.PreviousWaiter = thread.PreviousWaiter;
            else _tail = thread.PreviousWaiter;
            thread.NextWaiter = thread.PreviousWaiter = null;
            _count--;
            Volatile.Write(ref thread.QueuedOn, null);
        }
    }
}
