using System;
using System.Threading;

namespace Cosmos.Kernel.Sync
{
    // A sleeping, recursive lock owned by a thread: the owner may Lock it again and must Unlock it as many times.
    // Taking it is one compare-exchange when it is free; a thread that finds it taken queues on its waiters, checks
    // once more (the owner may have unlocked in between, seeing no waiter) and parks. Unlock frees it, then wakes one
    // waiter, which competes again (a running thread may take it first: no hand-off, no convoy).
    public sealed class Mutex
    {
        int _taken;
        WaitingThread _owner;
        int _depth;
        readonly WaitQueue _waiters = new WaitQueue();

        public bool IsHeldByCurrentThread => Volatile.Read(ref _owner) == Scheduling.Scheduler.CurrentThread;

        // How many times the owner has locked it without unlocking; 0 when free.
        public int Depth => _depth;

        // Takes the mutex, sleeping while another thread holds it. With `other` (a mutex the caller holds, at any
        // depth): releases it fully while sleeping and holds it again before each new attempt, so that this mutex is
        // only ever taken while holding `other`.
        public void Lock(Mutex other = null)
        {
            WaitingThread self = Scheduling.Scheduler.CurrentThread;
            WaitQueue.CheckMayBlock(self, "Mutex.Lock");
            if (other != null && Volatile.Read(ref other._owner) != self)
                throw new InvalidOperationException("Mutex.Lock: the other mutex is not held by this thread");
            if (TryLock(self)) return;
            while (true)
            {
                _waiters.Enqueue(self);
                if (TryTake(self))
                {
                    _waiters.Remove(self);
                    return;
                }
                int otherDepth = other != null ? other.ReleaseFully() : 0;
                _waiters.Block(self, WaitQueue.Infinite, interruptible: false);
                if (other != null) other.Reacquire(otherDepth);
                if (TryTake(self)) return;
            }
        }

        // Takes the mutex if that needs no sleep; whether it did.
        public bool TryLock() => TryLock(Scheduling.Scheduler.CurrentThread);

        public void Unlock()
        {
            if (Volatile.Read(ref _owner) != Scheduling.Scheduler.CurrentThread)
                throw new InvalidOperationException("Mutex.Unlock: the mutex is not held by this thread");
            if (--_depth == 0) Free();
        }

        // For WaitQueue.Wait: releases the mutex whatever its depth; returns the depth for Reacquire.
        internal int ReleaseFully()
        {
            if (Volatile.Read(ref _owner) != Scheduling.Scheduler.CurrentThread)
                throw new InvalidOperationException("Mutex: released for a wait by a thread that does not hold it");
            int depth = _depth;
            _depth = 0;
            Free();
            return depth;
        }

        internal void Reacquire(int depth)
        {
            Lock();
            _depth = depth;
        }

        bool TryLock(WaitingThread self)
        {
            if (Volatile.Read(ref _owner) == self)
            {
                _depth++;
                return true;
            }
            return Volatile.Read(ref _taken) == 0 && TryTake(self);
        }

        // The compare-exchange is also a full fence: after Enqueue, it reads _taken only after the queue shows us.
        bool TryTake(WaitingThread self)
        {
            if (Interlocked.CompareExchange(ref _taken, 1, 0) != 0) return false;
            Volatile.Write(ref _owner, self);
            _depth = 1;
            return true;
        }

        // The exchange is a full fence too: the waiter count is read after the mutex shows free, so a waiter that
        // queued before is seen here, and one that queues after sees the mutex free when it checks once more.
        void Free()
        {
            Volatile.Write(ref _owner, null);
            Interlocked.Exchange(ref _taken, 0);
            if (_waiters.Count != 0) _waiters.WakeOne();
        }
    }
}
