namespace Cosmos.Kernel.Tasking
{
    // The ready threads of one priority, first in first out, linked through the threads themselves (no allocation
    // while scheduling).
    sealed class RunQueue
    {
        Thread _head, _tail;

        public bool IsEmpty => _head == null;

        public void Enqueue(Thread thread)
        {
            thread.NextInQueue = null;
            if (_tail == null) _head = thread;
            else _tail.NextInQueue = thread;
            _tail = thread;
        }

        public Thread Dequeue()
        {
            Thread thread = _head;
            if (thread != null) Unlink(null, thread);
            return thread;
        }

        // The first thread that may run on any processor (what another processor may take), or null.
        public Thread DequeueUnpinned()
        {
            Thread previous = null;
            for (Thread thread = _head; thread != null; previous = thread, thread = thread.NextInQueue)
            {
                if (thread.PinnedTo != Thread.Unpinned) continue;
                Unlink(previous, thread);
                return thread;
            }
            return null;
        }

        void Unlink(Thread previous, Thread thread)
        {
            if (previous == null) _head = thread.NextInQueue;
            else previous.NextInQueue = thread.NextInQueue;
            if (_tail == thread) _tail = previous;
            thread.NextInQueue = null;
        }
    }
}
