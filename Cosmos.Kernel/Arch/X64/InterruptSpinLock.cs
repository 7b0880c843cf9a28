using System.Threading;

namespace Cosmos.Kernel.Arch.X64
{
    // The lock under everything else: for the kernel's shared structures that exist before there are threads (the
    // page-frame allocator, the kernel's page tables, the heap, the scheduler's queues). Acquire turns interrupts off on
    // this processor, so that its holder is neither switched out nor re-entered by a handler, then spins until an
    // atomic exchange takes the lock; Release puts the interrupt state back. Sections under it must be short and must
    // not sleep. A struct with no references, so that it can live in statics the heap's allocation path reads; keep it
    // in a field and call it there (a copy is a different lock). Sync.SpinLock is the checked lock for code that runs
    // in threads.
    public struct InterruptSpinLock
    {
        int _taken;
        bool _interruptsWereOn;     // the holder's, put back by Release

        public void Acquire()
        {
            bool interruptsWereOn = Cpu.DisableInterruptsSaving();
            while (Interlocked.Exchange(ref _taken, 1) != 0)
            {
                while (Volatile.Read(ref _taken) != 0) Cpu.Pause();
            }
            _interruptsWereOn = interruptsWereOn;
        }

        // Takes the lock if it is free; whether it did (interrupts are off only if it did).
        public bool TryAcquire()
        {
            bool interruptsWereOn = Cpu.DisableInterruptsSaving();
            if (Interlocked.Exchange(ref _taken, 1) != 0)
            {
                Cpu.RestoreInterrupts(interruptsWereOn);
                return false;
            }
            _interruptsWereOn = interruptsWereOn;
            return true;
        }

        public void Release()
        {
            bool interruptsWereOn = _interruptsWereOn;
            Volatile.Write(ref _taken, 0);
            Cpu.RestoreInterrupts(interruptsWereOn);
        }

        public bool IsHeld => Volatile.Read(ref _taken) != 0;
    }
}
