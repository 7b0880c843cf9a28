using System.Threading;

namespace Cosmos.Kernel.Sync
{
    // A thread as the blocking primitives see it: Tasking's Thread is one, and the host tests make their own over real
    // threads. Parking follows the permit model: an Unpark that comes before Park makes that Park return at once, so a
    // thread that queues itself, releases a lock and then parks cannot miss a wakeup issued in between.
    // The fields below are the primitives' bookkeeping on the thread, kept here so that blocking never allocates.
    public abstract class WaitingThread
    {
        // The queue this thread waits on, null once a wake took it off; written under that queue's spinlock.
        internal WaitQueue QueuedOn;
        internal WaitingThread NextWaiter, PreviousWaiter;

        // Spinlocks this thread holds: it must not sleep while it holds one.
        internal int SpinLocksHeld;

        int _interruptPending;

        // Parks until Unpark, until the clock (IScheduler.NowNanoseconds) reaches the deadline (ulong.MaxValue: no
        // deadline), or sooner: callers re-check their condition, so an early return is allowed. Consumes the permit.
        protected internal abstract void Park(ulong deadlineNanoseconds);

        // Gives the thread the permit: its current Park returns, or its next one does at once. From any thread, and
        // from interrupt handlers.
        protected internal abstract void Unpark();

        // Makes this thread's current wait return Interrupted, or its next one if it is not waiting. From any thread.
        public void Interrupt()
        {
            Volatile.Write(ref _interruptPending, 1);
            Unpark();
        }

        internal bool InterruptPending => Volatile.Read(ref _interruptPending) != 0;

        internal void ConsumeInterrupt() => Volatile.Write(ref _interruptPending, 0);
    }
}
