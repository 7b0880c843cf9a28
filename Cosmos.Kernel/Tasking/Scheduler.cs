using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Heap;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Tasking
{
    // Runs the threads on the processor: the highest-priority ready thread runs, threads of one priority take turns,
    // and an idle thread halts the processor when none is ready. A thread leaves the processor by yielding, parking
    // (Sync's blocking primitives), exiting or being preempted; each switch saves its registers and SSE state on its
    // own stack (context_switch.asm), and a thread of a process brings its user half (CR3) and the kernel stack its
    // system calls land on. Scheduler state changes with interrupts off (one processor).
    // It is also what the locks see as the scheduler (IScheduler), and it reports the switched-out threads' stacks to
    // the collector (IThreadStacks). See docs/threads.md.
    public sealed unsafe class Scheduler : IScheduler, IThreadStacks
    {
        const ulong NoDeadline = ulong.MaxValue;
        const int FxsaveBytes = 512;

        static Scheduler s_instance;

        readonly KernelStackArea _stacks;
        readonly RunQueue[] _ready = { new RunQueue(), new RunQueue(), new RunQueue() };   // by ThreadPriority
        readonly SleepQueue _sleepers = new SleepQueue();
        Thread _current;
        Thread _idle;
        Thread _threads;                    // every live thread
        Thread _exited;                     // exited threads whose stacks the next switch frees
        bool _interruptsOn;                 // the kernel runs with interrupts on (threads start that way)
        int _ticksLeft;                     // of the running thread's time slice
        ulong _contextSwitches;

        Scheduler(KernelStackArea stacks)
        {
            _stacks = stacks;
        }

        public static Scheduler Instance => s_instance;

        // Makes the code running now (on the boot stack) the boot thread, and starts scheduling.
        public static void Initialize()
        {
            var stacks = new KernelStackArea(PhysicalMemory.AllocateZeroed(KernelStackArea.StorageWords * sizeof(ulong)));
            KernelStacks.AddThreadStacks(stacks);
            var scheduler = new Scheduler(stacks);
            var boot = new Thread("boot", ThreadPriority.Normal, null, 0, null) { State = ThreadState.Running };
            scheduler._current = boot;
            scheduler.Add(boot);
            scheduler._idle = scheduler.Create("idle", Idle, ThreadPriority.Low);   // interrupts are still off at boot
            s_instance = scheduler;
            Scheduling.Install(scheduler);
            KernelHeap.ScanThreadStacks(scheduler);
        }

        public Thread Current => _current;

        // The area of the threads' kernel stacks, which also holds the stacks of the other processors' start-up.
        public KernelStackArea Stacks => _stacks;

        // A thread's turn, in timer ticks, before the next ready thread of its priority runs.
        public int TimeSliceTicks { get; set; } = 5;

        // How many times the processor went from one thread to another (a fresh read each time: threads poll it).
        public ulong ContextSwitches => Volatile.Read(ref _contextSwitches);

        // Turns interrupts on for good, once the interrupt controllers and the timer are set up: from then on threads
        // run with them on, the timer's ticks preempt them, and the idle thread can wait for an interrupt.
        public void EnableInterrupts()
        {
            ApicTimer.SetTickHandler(&OnTimerTick);
            _interruptsOn = true;
            Cpu.EnableInterrupts();
        }

        // A new thread, ready to run `entry`; a thread of `process` runs in its user half.
        public Thread Start(string name, Action entry, ThreadPriority priority, Process process = null)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Thread thread = Create(name, entry, priority, process);
            MakeReady(thread);
            Cpu.RestoreInterrupts(interrupts);
            return thread;
        }

        public void Yield()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Reschedule();
            Cpu.RestoreInterrupts(interrupts);
        }

        public void Exit()
        {
            Cpu.DisableInterruptsSaving();
            Thread thread = _current;
            thread.State = ThreadState.Exited;
            Remove(thread);
            for (Thread joiner = thread.Joiners; joiner != null; joiner = joiner.NextJoiner) Unpark(joiner);
            thread.NextInQueue = _exited;
            _exited = thread;
            Reschedule();
            Panic.Halt("an exited thread was switched back to");
        }

        // Moves the current thread out of its user half into the kernel's alone, so that the user half can be destroyed.
        public void LeaveAddressSpace()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            _current.AddressSpace = null;
            SwitchAddressSpace(null);
            Cpu.RestoreInterrupts(interrupts);
        }

        // Parks the current thread until the clock reaches `nanoseconds` from now.
        public void Sleep(ulong nanoseconds)
        {
            ulong deadline = NowNanoseconds + nanoseconds;
            while (NowNanoseconds < deadline) Park(_current, deadline);
        }

        // Parks the current thread until `thread` has exited.
        public void Join(Thread thread)
        {
            Thread self = _current;
            if (thread == self) throw new InvalidOperationException("scheduler: " + self.ToString() + " cannot join itself");
            bool interrupts = Cpu.DisableInterruptsSaving();
            if (thread.State != ThreadState.Exited)
            {
                self.NextJoiner = thread.Joiners;
                thread.Joiners = self;
                while (thread.State != ThreadState.Exited) Park(self, NoDeadline);
            }
            Cpu.RestoreInterrupts(interrupts);
        }

        // The timer interrupt's work, with interrupts off and the interrupt acknowledged (a switch from here may not
        // come back for a while): makes ready the parked threads whose deadline has come, then ends the running
        // thread's turn if its time slice is used up or a thread that should run before it is ready. A user thread
        // interrupted here in user mode, where it holds no lock, records where its registers are, and does not go back
        // while its process is ending or stopped by another of its threads (ProcessTable.AtUserBoundary).
        void Tick(InterruptFrame* interrupted)
        {
            bool fromUser = (interrupted->Cs & 3) == 3;
            if (fromUser) _current.EnteredKernel((ulong)interrupted, systemCall: false);
            ulong now = NowNanoseconds;
            for (Thread due = _sleepers.TakeDue(now); due != null; due = _sleepers.TakeDue(now)) MakeReady(due);
            if (--_ticksLeft <= 0 || _current == _idle || ReadyAbove(_current.Priority)) Reschedule();
            if (fromUser && _current.Process.HoldsAtBoundary(_current))
            {
                Cpu.EnableInterrupts();
                ProcessTable.AtUserBoundary();
                Cpu.DisableInterrupts();
            }
        }

        // Every live thread, the boot and idle threads included (a snapshot).
        public Thread[] Threads()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            int count = 0;
            for (Thread thread = _threads; thread != null; thread = thread.NextThread) count++;
            var threads = new Thread[count];
            count = 0;
            for (Thread thread = _threads; thread != null; thread = thread.NextThread) threads[count++] = thread;
            Cpu.RestoreInterrupts(interrupts);
            return threads;
        }

        static void OnTimerTick(InterruptFrame* interrupted) => s_instance.Tick(interrupted);

        internal void Park(Thread thread, ulong deadline)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            if (!thread.Permit)
            {
                thread.State = ThreadState.Blocked;
                if (deadline != NoDeadline)
                {
                    thread.Deadline = deadline;
                    _sleepers.Insert(thread);
                }
                Reschedule();
                _sleepers.Remove(thread);
            }
            thread.Permit = false;
            Cpu.RestoreInterrupts(interrupts);
        }

        internal void Unpark(Thread thread)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            thread.Permit = true;
            if (thread.State == ThreadState.Blocked)
            {
                _sleepers.Remove(thread);
                MakeReady(thread);
            }
            Cpu.RestoreInterrupts(interrupts);
        }

        // With interrupts off: the stack area, page frames and page tables are shared with the heap and other threads.
        Thread Create(string name, Action entry, ThreadPriority priority, Process process = null)
        {
            ulong top = _stacks.Allocate();
            if (top == 0) throw new InvalidOperationException("scheduler: no memory for the stack of thread '" + name + "'");
            var thread = new Thread(name, priority, entry, top, process) { State = ThreadState.Blocked };
            thread.SavedStackPointer = SwitchedOutFrame(top);
            Add(thread);
            return thread;
        }

        // A new stack made to look like that of a thread switched out by cosmos_switch_stacks whose return address is
        // cosmos_thread_start: from the stack pointer up, the fxsave area (default x87 and SSE control words), 8 bytes
        // of alignment, r15, r14, r13, r12, rbx, rbp (all 0), and the return address as the stack's last word. The
        // stack pointer is then 16-byte aligned, as fxrstor needs. Returns it.
        static ulong SwitchedOutFrame(ulong top)
        {
            const int Words = (FxsaveBytes + 8 + 7 * 8) / 8;
            ulong* frame = (ulong*)top - Words;
            for (int i = 0; i < Words; i++) frame[i] = 0;
            *(ushort*)frame = 0x037F;                           // FCW: x87 exceptions masked, 64-bit precision
            *(uint*)((byte*)frame + 24) = 0x1F80;               // MXCSR: SSE exceptions masked, round to nearest
            frame[Words - 1] = ThreadStart();
            return (ulong)frame;
        }

        // Switches to the next ready thread (or the idle thread), interrupts off. The current thread's state says what
        // becomes of it: still Running, it goes to the back of its run queue.
        void Reschedule()
        {
            Thread previous = _current;
            if (previous.State == ThreadState.Running) MakeReady(previous);
            Thread next = TakeNext();
            next.State = ThreadState.Running;
            _ticksLeft = TimeSliceTicks;
            if (next == previous) return;
            _current = next;
            _contextSwitches++;
            if (next.AddressSpace != null) UserMode.SetKernelStack(next.StackTop);
            SwitchAddressSpace(next.AddressSpace);
            fixed (ulong* saved = &previous.SavedStackPointer) SwitchStacks(saved, next.SavedStackPointer);
            // Back on `previous`'s stack: someone switched to it again.
            FreeExitedStacks();
        }

        // Loads CR3 with the user half a thread runs in (the kernel's own table for kernel threads), unless it is loaded.
        void SwitchAddressSpace(UserAddressSpace addressSpace)
        {
            ulong root = addressSpace == null ? KernelAddressSpace.RootAddress : addressSpace.RootAddress;
            if (Cpu.ReadCr3() != root) Cpu.WriteCr3(root);
        }

        void MakeReady(Thread thread)
        {
            thread.State = ThreadState.Ready;
            if (thread != _idle) _ready[(int)thread.Priority].Enqueue(thread);
        }

        Thread TakeNext()
        {
            for (int priority = _ready.Length - 1; priority >= 0; priority--)
            {
                Thread thread = _ready[priority].Dequeue();
                if (thread != null) return thread;
            }
            return _idle;
        }

        bool ReadyAbove(ThreadPriority priority)
        {
            for (int higher = (int)priority + 1; higher < _ready.Length; higher++)
            {
                if (!_ready[higher].IsEmpty) return true;
            }
            return false;
        }

        void FreeExitedStacks()
        {
            while (_exited != null)
            {
                Thread thread = _exited;
                _exited = thread.NextInQueue;
                _stacks.Free(thread.StackTop);
            }
        }

        void Add(Thread thread)
        {
            thread.NextThread = _threads;
            if (_threads != null) _threads.PreviousThread = thread;
            _threads = thread;
        }

        void Remove(Thread thread)
        {
            if (thread.PreviousThread != null) thread.PreviousThread.NextThread = thread.NextThread;
            else _threads = thread.NextThread;
            if (thread.NextThread != null) thread.NextThread.PreviousThread = thread.PreviousThread;
        }

        // Runs when no thread is ready, until an interrupt makes one ready. With interrupts off nothing ever could.
        static void Idle()
        {
            Scheduler scheduler = s_instance;
            while (true)
            {
                if (!scheduler._interruptsOn) Panic.Halt("deadlock: every thread is blocked, and with interrupts off nothing can wake one");
                Cpu.WaitForInterrupt();
                scheduler.Yield();
            }
        }

        // Where a new thread starts (from cosmos_thread_start, on its own stack, interrupts still off from the switch).
        [RuntimeExport("cosmos_thread_main")]
        static void ThreadMain()
        {
            Scheduler scheduler = s_instance;
            scheduler.FreeExitedStacks();
            if (scheduler._interruptsOn) Cpu.EnableInterrupts();
            scheduler._current.Run();
            scheduler.Exit();
        }

        public void ReportSuspended(GarbageCollector collector)
        {
            for (Thread thread = _threads; thread != null; thread = thread.NextThread)
            {
                if (thread == _current || !KernelStacks.TryFind(thread.SavedStackPointer, out _, out ulong top)) continue;
                collector.ScanConservatively(new MemoryRange(thread.SavedStackPointer, top));
            }
        }

        WaitingThread IScheduler.CurrentThread => _current;

        uint IScheduler.CurrentProcessor => 0;

        bool IScheduler.DisableInterrupts() => Cpu.DisableInterruptsSaving();

        void IScheduler.RestoreInterrupts(bool wereEnabled) => Cpu.RestoreInterrupts(wereEnabled);

        ulong IScheduler.NowNanoseconds => NowNanoseconds;

        static ulong NowNanoseconds => MonotonicClock.NowNanoseconds;

        [RuntimeImport("cosmos_switch_stacks")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void SwitchStacks(ulong* savedStackPointer, ulong nextStackPointer);

        [RuntimeImport("cosmos_thread_start_address")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong ThreadStart();
    }
}
