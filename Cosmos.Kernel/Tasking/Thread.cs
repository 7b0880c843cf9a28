using System;
using System.Runtime;
using System.Threading;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Tasking
{
    // A kernel thread: a C# entry point run on a 64 KiB kernel stack of its own (with a guard page), scheduled with the
    // others by priority and time slice (Scheduler). While switched out, everything it was doing is on its stack;
    // only the stack pointer is kept here.
    public sealed class Thread : WaitingThread
    {
        // PinnedTo's value for a thread that may run on any processor.
        public const int Unpinned = -1;

        static int s_nextId;

        readonly Action _entry;

        internal Thread(string name, ThreadPriority priority, Action entry, ulong stackTop, Process process)
        {
            Process = process;
            AddressSpace = process?.AddressSpace;
            Id = Interlocked.Increment(ref s_nextId) - 1;
            Name = name;
            Priority = priority;
            _entry = entry;
            StackTop = stackTop;
        }

        public int Id { get; }
        public string Name { get; }
        public ThreadPriority Priority { get; }
        public ThreadState State { get; internal set; }

        // The processor it last ran on (a CPU index), where it goes when it is next ready; and whether it is a
        // processor's idle thread, which runs only there and only when nothing else is ready.
        internal uint LastProcessor;
        internal bool IsIdle;

        // The processor (CPU index) it runs on alone, or Unpinned.
        public int PinnedTo { get; internal set; } = Unpinned;

        // The top of its kernel stack; 0 for the boot thread, which runs on the image's boot stack.
        internal ulong StackTop { get; }

        // The process it belongs to; null for kernel threads.
        public Process Process { get; }

        // The user half it runs in (its process's); null for kernel threads, which run in the kernel's alone, and
        // once its process has exited.
        public UserAddressSpace AddressSpace { get; internal set; }

        // The user stack region (guard included) thread_create made for it, unmapped when it ends; empty for a
        // process's first thread, whose stack the loader made.
        internal ulong UserStackStart, UserStackEnd;

        // Where its user registers were saved when it last came into the kernel from user mode: a system call's
        // frame (SystemCallFrame) or an interrupt's (InterruptFrame), on its kernel stack. Valid while it is in the
        // kernel, as every thread a stop holds is (ProcessTable.StopOthers).
        internal ulong UserFrame;
        internal bool UserFrameIsSystemCall;

        // What thread_create handed it in rdi and rsi: all of its user registers worth anything until it first runs
        // (UserFrame is 0 until then).
        internal ulong StartArgument0, StartArgument1;

        // Set once it has left user mode for good (ProcessTable.LeaveThread): it holds no user references any more.
        internal bool Leaving;

        // Whether it may be running user code: set just before it returns to user mode (ProcessTable.MayReturnToUser),
        // cleared as it enters the kernel. A stop waits until the others have it clear.
        int _mayRunUserCode;

        internal bool MayRunUserCode => Volatile.Read(ref _mayRunUserCode) != 0;

        // Says it may run user code from now on; a full fence, so that a stop made after this sees it.
        internal void LeavingForUserMode() => Interlocked.Exchange(ref _mayRunUserCode, 1);

        // Records where its user registers are, on its way into the kernel.
        internal void EnteredKernel(ulong frame, bool systemCall)
        {
            UserFrame = frame;
            UserFrameIsSystemCall = systemCall;
            Volatile.Write(ref _mayRunUserCode, 0);
        }

        // Takes back LeavingForUserMode: it holds at the boundary instead.
        internal void StaysInKernel() => Volatile.Write(ref _mayRunUserCode, 0);
        internal ulong SavedStackPointer;

        // Links: run queue, sleep queue (parked with a deadline), every thread, exited threads awaiting their stack's
        // release, the threads joining this one and the next joiner of the thread this one joins. Intrusive, so that
        // scheduling never allocates.
        internal Thread NextInQueue;
        internal Thread NextSleeper, PreviousSleeper;
        internal Thread NextThread, PreviousThread;
        internal Thread Joiners, NextJoiner;
        internal ulong Deadline;
        internal bool Permit;

        public static Thread Current => Scheduler.Instance.Current;

        // What tells threads apart for CoreLib (its class-constructor runner): 1 before the scheduler starts (one
        // thread), then the running thread's id + 2.
        [RuntimeExport("cosmos_current_thread_token")]
        static nint CurrentToken() => Scheduler.Instance == null ? 1 : Current.Id + 2;

        // A new thread, ready to run `entry` and then exit; pinned to a processor (a CPU index), it runs there alone.
        public static Thread Start(string name, Action entry, ThreadPriority priority = ThreadPriority.Normal, int pinnedTo = Unpinned)
            => Scheduler.Instance.Start(name, entry, priority, pinnedTo: pinnedTo);

        // Lets the other ready threads of the same priority run first.
        public static void Yield() => Scheduler.Instance.Yield();

        // Ends the current thread.
        public static void Exit() => Scheduler.Instance.Exit();

        // Lets the other threads run for at least `millisecondsTimeout` milliseconds (0: yields).
        public static void Sleep(int millisecondsTimeout)
        {
            if (millisecondsTimeout < 0) throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), "a sleep cannot be negative");
            if (millisecondsTimeout == 0) Yield();
            else Scheduler.Instance.Sleep((ulong)millisecondsTimeout * 1_000_000);
        }

        // Waits until this thread has exited.
        public void Join() => Scheduler.Instance.Join(this);

        internal void Run() => _entry();

        protected internal override void Park(ulong deadlineNanoseconds) => Scheduler.Instance.Park(this, deadlineNanoseconds);

        protected internal override void Unpark() => Scheduler.Instance.Unpark(this);

        public override string ToString() => "thread " + Id.ToString() + " '" + Name + "'";
    }
}
