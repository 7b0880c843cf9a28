namespace Cosmos.Kernel.Tasking
{
    // The threads parked with a deadline, soonest first, linked through the threads themselves.
    sealed class SleepQueue
    {
        Thread _first;

        public void Insert(Thread thread)
        {
            Thread previous = null, next = _first;
            while (next != null && next.Deadline <= thread.Deadline)
            {
                previous = next;
                next = next.NextSleeper;
            }
            thread.PreviousSleeper = previous;
            thread.NextSleeper = next;
            if (previous == null) _first = thread;
            else previous.NextSleeper = thread;
            if (next != null) next.PreviousSleeper = thread;
        }

        public void Remove(Thread thread)
        {
            if (thread.PreviousSleeper != null) thread.PreviousSleeper.NextSleeper = thread.NextSleeper;
            else if (_first == thread) _first = thread.NextSleeper;
            else return;                                    // not queued
            if (thread.NextSleeper != null) thread.NextSleeper.PreviousSleeper = thread.PreviousSleeper;
            thread.NextSleeper = thread.PreviousSleeper = null;
        }

        // The first thread whose deadline is at or before `now`, taken off the queue; null when there is none.
        public Thread TakeDue(ulong now)
        {
            Thread first = _first;
            if (first == null || first.Deadline > now) return null;
            Remove(first);
            return first;
        }
    }
}
