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
            if (thread == null) return null;
            _head = thread.NextInQueue;
            if (_head == null) _tail = null;
            thread.NextInQueue = null;
            return thread;
        }
    }
}
