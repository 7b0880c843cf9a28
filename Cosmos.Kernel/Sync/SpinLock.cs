using System;
using System.Threading;

namespace Cosmos.Kernel.Sync
{
    // The lowest lock: for short sections that must not sleep, including ones shared with interrupt handlers. Acquire
    // turns interrupts off on this processor (so its holder cannot be switched out or interrupted into a second
    // Acquire), then spins until an atomic compare-exchange takes the lock, answering other processors' requests
    // meanwhile (IScheduler.SpinWait). The holder must not sleep (Mutex and
    // WaitQueue check), and a processor acquiring a lock it holds would spin forever: that is an error instead.
    public sealed class SpinLock
    {
        const uint NoProcessor = uint.MaxValue;

        int _taken;
        uint _ownerProcessor = NoProcessor;
        WaitingThread _ownerThread;
        bool _interruptsWereOn;     // the owner's, put back by Release

        public bool IsHeldByCurrentProcessor => _ownerProcessor == Scheduling.Scheduler.CurrentProcessor;

        public void Acquire()
        {
            IScheduler scheduler = Scheduling.Scheduler;
            bool interruptsWereOn = scheduler.DisableInterrupts();
            uint processor = scheduler.CurrentProcessor;
            // Only this processor ever writes its own number here, so reading it means this processor holds the lock.
            if (Volatile.Read(ref _ownerProcessor) == processor)
            {
                scheduler.RestoreInterrupts(interruptsWereOn);
                throw new InvalidOperationException("SpinLock.Acquire: this processor already holds it (a deadlock)");
            }
            while (Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
            {
                while (Volatile.Read(ref _taken) != 0) scheduler.SpinWait();
            }
            _ownerProcessor = processor;
            _interruptsWereOn = interruptsWereOn;
            _ownerThread = scheduler.CurrentThread;
            _ownerThread.SpinLocksHeld++;
        }

        public void Release()
        {
            IScheduler scheduler = Scheduling.Scheduler;
            if (Volatile.Read(ref _ownerProcessor) != scheduler.CurrentProcessor)
                throw new InvalidOperationException("SpinLock.Release: this processor does not hold the lock");
            bool interruptsWereOn = _interruptsWereOn;
            _ownerThread.SpinLocksHeld--;
            _ownerThread = null;
            Volatile.Write(ref _ownerProcessor, NoProcessor);
            Volatile.Write(ref _taken, 0);
            scheduler.RestoreInterrupts(interruptsWereOn);
        }
    }
}
