namespace Cosmos.Kernel.Sync
{
    // A thread as the blocking primitives see it: Tasking's Thread is one, and the host tests make their own over real
    // threads. Parking follows the permit model: an Unpark that comes before Park makes that Park return at once, so a
    // thread that queues itself, releases a lock and then parks cannot miss a wakeup issued in between.
    public abstract class WaitingThread
    {
        // Parks until Unpark, until the clock (IScheduler.NowNanoseconds) reaches the deadline (ulong.MaxValue: no
        // deadline), or sooner: callers re-check their condition, so an early return is allowed. Consumes the permit.
        protected internal abstract void Park(ulong deadlineNanoseconds);

        // Gives the thread the permit: its current Park returns, or its next one does at once. From any thread, and
        // from interrupt handlers.
        protected internal abstract void Unpark();
    }
}
