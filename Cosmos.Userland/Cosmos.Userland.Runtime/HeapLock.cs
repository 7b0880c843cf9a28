using System.Threading;

namespace Cosmos.Userland.Runtime
{
    // Keeps the heap to one thread at a time: a flag taken with a compare-exchange, the waiter yielding the processor
    // between tries (the holder may be switched out; spinning would only delay it).
    sealed class HeapLock
    {
        int _taken;

        public void Enter()
        {
            while (Interlocked.CompareExchange(ref _taken, 1, 0) != 0) SystemCalls.SchedYield();
        }

        public void Exit() => Volatile.Write(ref _taken, 0);
    }
}
