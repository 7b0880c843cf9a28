using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Heap;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Tasking
{
    // Runs the threads on every processor: each runs the highest-priority ready thread it finds, first in its own run
    // queues, then in the others' (so no processor idles while a thread waits elsewhere); threads of one priority take
    // turns, and an idle thread halts a processor that finds none. A thread leaves its processor by yielding, parking
    // (Sync's blocking primitives), exiting or being preempted by its processor's timer; each switch saves its
    // registers and SSE state on its own stack (context_switch.asm), and a thread of a process brings its user half
    // (CR3) and the kernel stack its system calls land on. A woken thread goes back to the processor it last ran on,
    // or to an idle one, which an interrupt wakes.
    //
    // All of it is guarded by one lock, taken with interrupts off. The lock is held across a switch and released by
    // the thread switched to: until the switched-out thread's registers are saved, no other processor can take it.
    // It is also what the locks see as the scheduler (IScheduler), and it reports the switched-out threads' stacks to
    // the collector (IThreadStacks). See docs/threads.md and docs/smp.md.
    public sealed unsafe class Scheduler : IScheduler, IThreadStacks
    {
        const ulong NoDeadline = ulong.MaxValue;
        const int FxsaveBytes = 512;
        const int MaxProcessors = 256;      // xAPIC IDs are 8 bits

        static Scheduler s_instance;

        readonly KernelStackArea _stacks;
        readonly Processor[] _byIndex = new Processor[MaxProcessors];      // by CPU index
        readonly Processor[] _processors = new Processor[MaxProcessors];   // the first _processorCount, in joining order
        int _processorCount;
        readonly SleepQueue _sleepers = new SleepQueue();
        int _lock;
        Thread _threads;                    // every live thread
        int _interruptsOn;                  // the kernel runs with interrupts on (threads start that way)
        uint _tickHertz;

        Scheduler(KernelStackArea stacks)
        {
            _stacks = stacks;
        }

        public static Scheduler Instance => s_instance;

        // Makes the code running now (on the boot stack) the boot processor's boot thread, and starts scheduling
        // there. Needs the boot processor's PerCpuRecord installed.
        public static void Initialize()
        {
            var stacks = new KernelStackArea(PhysicalMemory.AllocateZeroed(KernelStackArea.StorageWords * sizeof(ulong)));
            KernelStacks.AddThreadStacks(stacks);
            var scheduler = new Scheduler(stacks);
            var boot = new Thread("boot", ThreadPriority.Normal, null, 0, null) { State = ThreadState.Running };
            Thread idle = scheduler.Create("idle", Idle, ThreadPriority.Low);
            idle.IsIdle = true;
            var processor = new Processor(PerCpu.Current, idle) { Current = boot };
            scheduler.Join(processor);
            scheduler.Add(boot);
            scheduler.Add(idle);
            s_instance = scheduler;
            Scheduling.Install(scheduler);
            KernelHeap.ScanThreadStacks(scheduler);
        }

        // The thread running on this processor.
        public Thread Current
        {
            get
            {
                bool interrupts = Cpu.DisableInterruptsSaving();     // not moved to another processor meanwhile
                Thread current = This.Current;
                Cpu.RestoreInterrupts(interrupts);
                return current;
            }
        }

        // The area of the threads' kernel stacks, which also holds the stacks of the other processors' start-up.
        public KernelStackArea Stacks => _stacks;

        // A thread's turn, in timer ticks, before the next ready thread of its priority runs.
        public int TimeSliceTicks { get; set; } = 5;

        // How many times the processors went from one thread to another (a fresh read each time: threads poll it).
        public ulong ContextSwitches
        {
            get
            {
                ulong switches = 0;
                for (int i = 0; i < Volatile.Read(ref _processorCount); i++) switches += Volatile.Read(ref _processors[i].ContextSwitches);
                return switches;
            }
        }

        // Turns interrupts on for good, once the interrupt controllers and the timer are set up: from then on threads
        // run with them on, the timer's ticks (`tickHertz` on every processor) preempt them, the idle threads can wait
        // for an interrupt, and the other processors start scheduling.
        public void EnableInterrupts(uint tickHertz)
        {
            _tickHertz = tickHertz;
            ApicTimer.SetTickHandler(&OnTimerTick);
            Volatile.Write(ref _interruptsOn, 1);
            Cpu.EnableInterrupts();
        }

        // Where a started application processor goes (ProcessorStartup), on its start-up stack, interrupts off: that
        // stack becomes its idle thread's. It waits until scheduling starts, then takes threads like every processor.
        public static void RunApplicationProcessor(PerCpuRecord* record)
        {
            Scheduler scheduler = s_instance;
            var idle = new Thread("idle", ThreadPriority.Low, null, 0, null) { State = ThreadState.Running, IsIdle = true };
            idle.LastProcessor = record->Index;
            var processor = new Processor(record, idle);
            scheduler.Lock();
            scheduler.Add(idle);
            scheduler.Join(processor);
            scheduler.Unlock();
            while (Volatile.Read(ref scheduler._interruptsOn) == 0) TlbShootdown.ServeWhileWaiting();
            UserMode.EnableOnThisProcessor();
            ApicTimer.StartPeriodic(scheduler._tickHertz);
            Cpu.EnableInterrupts();
            Idle();
        }

        // A new thread, ready to run `entry`; a thread of `process` runs in its user half. Pinned to a processor (a
        // CPU index that schedules), it runs there only; otherwise wherever there is room.
        public Thread Start(string name, Action entry, ThreadPriority priority, Process process = null, int pinnedTo = Thread.Unpinned)
        {
            if (pinnedTo != Thread.Unpinned && ((uint)pinnedTo >= MaxProcessors || Volatile.Read(ref _byIndex[pinnedTo]) == null))
                throw new ArgumentOutOfRangeException(nameof(pinnedTo), "scheduler: no processor " + pinnedTo.ToString() + " schedules threads");
            Thread thread = Create(name, entry, priority, process);
            thread.PinnedTo = pinnedTo;
            bool interrupts = Cpu.DisableInterruptsSaving();
            Lock();
            thread.LastProcessor = pinnedTo == Thread.Unpinned ? This.Index : (uint)pinnedTo;
            Add(thread);
            MakeReady(thread);
            Unlock();
            Cpu.RestoreInterrupts(interrupts);
            return thread;
        }

        public void Yield()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Lock();
            Reschedule();
            Unlock();
            Cpu.RestoreInterrupts(interrupts);
        }

        public void Exit()
        {
            Cpu.DisableInterruptsSaving();
            Lock();
            Processor processor = This;
            Thread thread = processor.Current;
            thread.State = ThreadState.Exiting;
            Remove(thread);
            thread.NextInQueue = processor.Exited;
            processor.Exited = thread;
            Reschedule();
            Panic.Halt("an exited thread was switched back to");
        }

        // Moves the current thread out of its user half into the kernel's alone, so that the user half can be destroyed.
        public void LeaveAddressSpace()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Processor processor = This;
            processor.Current.AddressSpace = null;
            SwitchAddressSpace(processor, null);
            Cpu.RestoreInterrupts(interrupts);
        }

        // Parks the current thread until the clock reaches `nanoseconds` from now.
        public void Sleep(ulong nanoseconds)
        {
            Thread self = Current;
            ulong deadline = NowNanoseconds + nanoseconds;
            while (NowNanoseconds < deadline) Park(self, deadline);
        }

        // Parks the current thread until `thread` has exited.
        public void Join(Thread thread)
        {
            Thread self = Current;
            if (thread == self) throw new InvalidOperationException("scheduler: " + self.ToString() + " cannot join itself");
            bool interrupts = Cpu.DisableInterruptsSaving();
            Lock();
            if (thread.State != ThreadState.Exited)
            {
                self.NextJoiner = thread.Joiners;
                thread.Joiners = self;
            }
            Unlock();
            Cpu.RestoreInterrupts(interrupts);
            while (thread.State != ThreadState.Exited) Park(self, NoDeadline);
        }

        // The timer interrupt's work on this processor, with interrupts off and the interrupt acknowledged (a switch
        // from here may not come back for a while): makes ready the parked threads whose deadline has come, then ends
        // the running thread's turn if its time slice is used up or a thread that should run before it is ready. A
        // user thread interrupted here in user mode, where it holds no lock, records where its registers are, and
        // does not go back while its process is ending or stopped by another of its threads
        // (ProcessTable.MayReturnToUser).
        void Tick(InterruptFrame* interrupted)
        {
            bool fromUser = (interrupted->Cs & 3) == 3;
            Lock();
            Processor processor = This;
            Thread current = processor.Current;
            if (fromUser) current.EnteredKernel((ulong)interrupted, systemCall: false);
            ulong now = NowNanoseconds;
            for (Thread due = _sleepers.TakeDue(now); due != null; due = _sleepers.TakeDue(now)) MakeReady(due);
            if (--processor.TicksLeft <= 0 || processor.IsIdle || ReadyAbove(current.Priority)) Reschedule();
            Unlock();
            if (fromUser && !ProcessTable.MayReturnToUser(current))
            {
                Cpu.EnableInterrupts();
                ProcessTable.AtUserBoundary();
                Cpu.DisableInterrupts();
            }
        }

        // Every live thread, the boot and idle threads included (a snapshot).
        public Thread[] Threads()
        {
            while (true)
            {
                var threads = new Thread[CountThreads()];       // allocated outside the lock, as all allocation is
                bool interrupts = Cpu.DisableInterruptsSaving();
                Lock();
                int count = 0;
                for (Thread thread = _threads; thread != null && count < threads.Length; thread = thread.NextThread) threads[count++] = thread;
                bool whole = count == threads.Length && (count == 0 ? _threads == null : threads[count - 1].NextThread == null);
                Unlock();
                Cpu.RestoreInterrupts(interrupts);
                if (whole) return threads;
            }
        }

        // What processor `index` runs: false when it does not schedule (not online, or not started yet).
        public bool TryDescribe(uint index, out int runningThreadId, out ulong contextSwitches)
        {
            Processor processor = index < MaxProcessors ? Volatile.Read(ref _byIndex[index]) : null;
            runningThreadId = processor == null ? -1 : Volatile.Read(ref processor.Current).Id;
            contextSwitches = processor == null ? 0 : Volatile.Read(ref processor.ContextSwitches);
            return processor != null;
        }

        int CountThreads()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Lock();
            int count = 0;
            for (Thread thread = _threads; thread != null; thread = thread.NextThread) count++;
            Unlock();
            Cpu.RestoreInterrupts(interrupts);
            return count;
        }

        static void OnTimerTick(InterruptFrame* interrupted) => s_instance.Tick(interrupted);

        internal void Park(Thread thread, ulong deadline)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Lock();
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
            Unlock();
            Cpu.RestoreInterrupts(interrupts);
        }

        internal void Unpark(Thread thread)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Lock();
            Wake(thread);
            Unlock();
            Cpu.RestoreInterrupts(interrupts);
        }

        // Under the lock: gives the thread its permit and makes it ready if it is parked.
        void Wake(Thread thread)
        {
            thread.Permit = true;
            if (thread.State != ThreadState.Blocked) return;
            _sleepers.Remove(thread);
            MakeReady(thread);
        }

        // A thread not yet known to the scheduler (Add makes it so), with its stack; allocates, so outside the lock.
        Thread Create(string name, Action entry, ThreadPriority priority, Process process = null)
        {
            ulong top = _stacks.Allocate();
            if (top == 0) throw new InvalidOperationException("scheduler: no memory for the stack of thread '" + name + "'");
            var thread = new Thread(name, priority, entry, top, process) { State = ThreadState.Blocked };
            thread.SavedStackPointer = SwitchedOutFrame(top);
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

        // The processor running this code; call with interrupts off (or the answer may be stale at once).
        Processor This => _byIndex[PerCpu.Current->Index];

        // Under the lock (or before any other processor runs): `processor` schedules from now on.
        void Join(Processor processor)
        {
            _byIndex[processor.Index] = processor;
            _processors[_processorCount] = processor;
            Volatile.Write(ref _processorCount, _processorCount + 1);
        }

        // Interrupts off. Spins without answering other processors' requests: no holder of this lock waits for them.
        void Lock()
        {
            while (Interlocked.Exchange(ref _lock, 1) != 0)
            {
                while (Volatile.Read(ref _lock) != 0) Cpu.Pause();
            }
        }

        // Releases the lock (interrupts stay off) and then frees the stacks of the threads this processor switched
        // away from for good: freeing a stack unmaps it, which waits for the other processors' TLBs, so not under
        // the lock. Only then is such a thread Exited and are its joiners woken.
        void Unlock()
        {
            Processor processor = This;
            Thread exiting = processor.Exited;
            processor.Exited = null;
            Volatile.Write(ref _lock, 0);
            while (exiting != null)
            {
                Thread thread = exiting;
                exiting = thread.NextInQueue;
                _stacks.Free(thread.StackTop);
                Lock();
                thread.State = ThreadState.Exited;
                for (Thread joiner = thread.Joiners; joiner != null; joiner = joiner.NextJoiner) Wake(joiner);
                Volatile.Write(ref _lock, 0);
            }
        }

        // Under the lock: switches this processor to the next ready thread (or its idle thread). The current thread's
        // state says what becomes of it: still Running, it goes to the back of this processor's run queue. Returns on
        // the current thread once something switches back to it, perhaps on another processor, the lock held again.
        void Reschedule()
        {
            Processor processor = This;
            Thread previous = processor.Current;
            if (previous.State == ThreadState.Running) Enqueue(processor, previous);
            Thread next = TakeNext(processor);
            next.State = ThreadState.Running;
            next.LastProcessor = processor.Index;
            processor.TicksLeft = TimeSliceTicks;
            if (next == previous) return;
            Volatile.Write(ref processor.Current, next);
            processor.ContextSwitches++;
            if (next.AddressSpace != null) UserMode.SetKernelStack(next.StackTop);
            SwitchAddressSpace(processor, next.AddressSpace);
            fixed (ulong* saved = &previous.SavedStackPointer) SwitchStacks(saved, next.SavedStackPointer);
        }

        // Loads CR3 with the user half a thread runs in (the kernel's own table for kernel threads), unless it is
        // loaded; the processor's record says which it is first, so that a TLB shootdown for that table finds it.
        static void SwitchAddressSpace(Processor processor, UserAddressSpace addressSpace)
        {
            ulong root = addressSpace == null ? KernelAddressSpace.RootAddress : addressSpace.RootAddress;
            if (Cpu.ReadCr3() == root) return;
            Volatile.Write(ref processor.Record->LoadedRoot, root);
            Interlocked.MemoryBarrier();
            Cpu.WriteCr3(root);
        }

        // A thread that may run again: to the processor it last ran on (or is pinned to), unless that one is busy and
        // another is idle.
        void MakeReady(Thread thread)
        {
            Processor target = _byIndex[thread.LastProcessor];
            if (!thread.IsIdle && !target.IsIdle && thread.PinnedTo == Thread.Unpinned) target = IdleProcessor() ?? target;
            Enqueue(target, thread);
            if (!thread.IsIdle && target.IsIdle && target != This) LocalApic.Send(InterruptCommand.Fixed(target.Record->ApicId, InterruptVectors.Wakeup));
        }

        static void Enqueue(Processor processor, Thread thread)
        {
            thread.State = ThreadState.Ready;
            if (!thread.IsIdle) processor.Ready[(int)thread.Priority].Enqueue(thread);
        }

        Processor IdleProcessor()
        {
            for (int i = 0; i < _processorCount; i++)
                if (_processors[i].IsIdle) return _processors[i];
            return null;
        }

        // The highest-priority ready thread: this processor's own first, then one that is not pinned from another's,
        // then its idle thread.
        Thread TakeNext(Processor processor)
        {
            for (int priority = processor.Ready.Length - 1; priority >= 0; priority--)
            {
                Thread thread = processor.Ready[priority].Dequeue();
                if (thread != null) return thread;
                for (int i = 0; i < _processorCount; i++)
                {
                    thread = _processors[i].Ready[priority].DequeueUnpinned();
                    if (thread != null) return thread;
                }
            }
            return processor.Idle;
        }

        bool ReadyAbove(ThreadPriority priority)
        {
            for (int i = 0; i < _processorCount; i++)
            {
                for (int higher = (int)priority + 1; higher < _processors[i].Ready.Length; higher++)
                    if (!_processors[i].Ready[higher].IsEmpty) return true;
            }
            return false;
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

        // Runs when no thread is ready, until an interrupt makes one ready (a tick, or another processor's wake-up).
        // With interrupts off nothing ever could.
        static void Idle()
        {
            Scheduler scheduler = s_instance;
            while (true)
            {
                if (Volatile.Read(ref scheduler._interruptsOn) == 0)
                    Panic.Halt("deadlock: every thread is blocked, and with interrupts off nothing can wake one");
                Cpu.WaitForInterrupt();
                scheduler.Yield();
            }
        }

        // Where a new thread starts (from cosmos_thread_start, on its own stack, interrupts still off and the lock
        // held from the switch).
        [RuntimeExport("cosmos_thread_main")]
        static void ThreadMain()
        {
            Scheduler scheduler = s_instance;
            scheduler.Unlock();
            if (Volatile.Read(ref scheduler._interruptsOn) != 0) Cpu.EnableInterrupts();
            scheduler.Current.Run();
            scheduler.Exit();
        }

        // With every other processor stopped (the collector's WorldStop): the threads that are running have their
        // stacks scanned from where their processor stopped; every other thread's from its saved stack pointer.
        public void ReportSuspended(GarbageCollector collector)
        {
            for (Thread thread = _threads; thread != null; thread = thread.NextThread)
            {
                if (thread.State == ThreadState.Running || !KernelStacks.TryFind(thread.SavedStackPointer, out _, out ulong top)) continue;
                collector.ScanConservatively(new MemoryRange(thread.SavedStackPointer, top));
            }
        }

        WaitingThread IScheduler.CurrentThread => Current;

        uint IScheduler.CurrentProcessor => PerCpu.Current->Index;

        bool IScheduler.DisableInterrupts() => Cpu.DisableInterruptsSaving();

        void IScheduler.RestoreInterrupts(bool wereEnabled) => Cpu.RestoreInterrupts(wereEnabled);

        void IScheduler.SpinWait() => TlbShootdown.ServeWhileWaiting();

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
