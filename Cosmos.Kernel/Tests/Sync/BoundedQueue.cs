using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Tests.Sync
{
    // A bounded FIFO of ints built the textbook way on the locks: one mutex, and a wait queue per condition ("not
    // full", "not empty"), each waited on in a loop that re-checks the condition. The kernel's and the host's lock
    // tests both use it (the host test project compiles this file in).
    public sealed class BoundedQueue
    {
        readonly Mutex _mutex = new Mutex();
        readonly WaitQueue _notFull = new WaitQueue();
        readonly WaitQueue _notEmpty = new WaitQueue();
        readonly int[] _items;
        int _head, _count;

        public BoundedQueue(int capacity) => _items = new int[capacity];

        public int Count => _count;

        public void Put(int item)
        {
            _mutex.Lock();
            while (_count == _items.Length) _notFull.Wait(_mutex);
            _items[(_head + _count++) % _items.Length] = item;
            _notEmpty.WakeOne();
            _mutex.Unlock();
        }

        public int Take()
        {
            _mutex.Lock();
            while (_count == 0) _notEmpty.Wait(_mutex);
            int item = _items[_head];
            _head = (_head + 1) % _items.Length;
            _count--;
            _notFull.WakeOne();
            _mutex.Unlock();
            return item;
        }
    }
}
