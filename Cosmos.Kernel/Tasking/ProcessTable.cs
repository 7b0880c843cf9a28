using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Tasking
{
    // Every process, from its start until its parent has waited for it, and the family relations between them. A
    // process's memory goes back the moment it exits; only its small record waits for the parent (or goes at once
    // when there is no parent to ask). One mutex guards the table; parents wait for their children on one queue.
    public static unsafe class ProcessTable
    {
        static readonly Mutex s_lock = new Mutex();
        static readonly WaitQueue s_exits = new WaitQueue();
        static readonly WaitQueue s_resumed = new WaitQueue();
        static readonly List<Process> s_processes = new List<Process>();
        static int s_nextId = 1;
        static delegate*<Process, void> s_ended;

        // The process of the calling thread; null on a kernel thread.
        public static Process Current => Thread.Current.Process;

        // Starts a process whose user half is ready: its thread enters user mode at `entry` with `stackPointer`.
        public static Process Start(string name, Process parent, UserAddressSpace addressSpace, FileDescriptorTable files,
                                    ulong entry, ulong stackPointer)
        {
            Process process = Create(name, parent, addressSpace, files);
            Run(process, entry, stackPointer);
            return process;
        }

        // A process listed, with its id, that runs nothing yet: whatever it must have before its first instruction
        // can be given it now (Run starts it).
        public static Process Create(string name, Process parent, UserAddressSpace addressSpace, FileDescriptorTable files)
        {
            s_lock.Lock();
            var process = new Process(s_nextId++, name, parent, addressSpace, files);
            s_processes.Add(process);
            s_lock.Unlock();
            return process;
        }

        // Starts a created process's first thread: it enters user mode at `entry` with `stackPointer`.
        public static void Run(Process process, ulong entry, ulong stackPointer)
        {
            s_lock.Lock();
            process.MainThread = StartThreadLocked(process, entry, stackPointer, 0, 0);
            s_lock.Unlock();
        }

        // Starts another thread of `process` at `entry` on the user stack region [stackStart, stackEnd) (made by the
        // caller, unmapped when the thread ends), with the arguments in rdi and rsi. Null when the process is ending.
        public static Thread StartThread(Process process, ulong entry, ulong stackStart, ulong stackEnd, ulong argument0, ulong argument1)
        {
            s_lock.Lock();
            WaitWhileStoppedLocked(process, Thread.Current);    // a stop holds the set of threads still
            Thread thread = process.Exiting ? null : StartThreadLocked(process, entry, stackEnd, argument0, argument1);
            if (thread != null)
            {
                thread.UserStackStart = stackStart;
                thread.UserStackEnd = stackEnd;
                thread.StartArgument0 = argument0;
                thread.StartArgument1 = argument1;
            }
            s_lock.Unlock();
            return thread;
        }

        // The thread passes the boundary with user mode before its first instruction there, like every later time: it
        // does not start while another thread has the process's threads stopped, nor once the process is ending.
        static Thread StartThreadLocked(Process process, ulong entry, ulong stackPointer, ulong argument0, ulong argument1)
        {
            Thread thread = Scheduler.Instance.Start(process.Name, () =>
            {
                AtUserBoundary();
                UserMode.Enter(entry, stackPointer, argument0, argument1);
            }, ThreadPriority.Normal, process);
            process.Threads.Add(thread);
            process.LiveThreads++;
            return thread;
        }

        // The running process with this id, or null.
        public static Process Find(int id)
        {
            s_lock.Lock();
            Process found = null;
            foreach (Process process in s_processes)
                if (process.Id == id && process.State == ProcessState.Running) found = process;
            s_lock.Unlock();
            return found;
        }

        // What runs when a process has ended, before its parent hears of it (the system calls forget its rights).
        public static void OnEnded(delegate*<Process, void> handler) => s_ended = handler;

        // Ends the calling thread's process with `waitStatus` (the first exit or fault decides it): the calling thread
        // leaves now, the others when they next reach user mode, and the last one frees the process.
        [DoesNotReturn]
        public static void ExitCurrent(int waitStatus)
        {
            Process process = Current;
            s_lock.Lock();
            if (!process.Exiting)
            {
                process.Exiting = true;
                process.WaitStatus = waitStatus;
                // Threads waiting in the kernel (a console read, wait4) stop waiting and leave on their way back.
                foreach (Thread thread in process.Threads)
                    if (IsAnotherLiveThread(thread, Thread.Current)) thread.Interrupt();
            }
            s_lock.Unlock();
            LeaveThread();
        }

        // Ends the calling thread (thread_exit, or a thread leaving an ending process). Its user stack goes with it;
        // the last thread of a process ends the process (with status 0 when no exit said otherwise).
        [DoesNotReturn]
        public static void LeaveThread()
        {
            Thread thread = Thread.Current;
            Process process = thread.Process;
            s_lock.Lock();
            WaitWhileStoppedLocked(process, thread);            // a stop holds the set of threads still
            if (process.StoppedBy == thread) Resume(process);
            thread.Leaving = true;                              // done with user code: a stop from now on skips it
            s_lock.Unlock();
            if (!process.Exiting && thread.UserStackEnd != 0)
                process.AddressSpace.Unmap(thread.UserStackStart, thread.UserStackEnd - thread.UserStackStart);
            s_lock.Lock();
            bool last = --process.LiveThreads == 0;
            if (last) process.LastThread = thread;
            s_lock.Unlock();
            if (last) EndProcess(process);
            Scheduler.Instance.LeaveAddressSpace();
            Thread.Exit();
        }

        // Stops every other thread of the calling thread's process from running user code, from starting threads and
        // from ending, until ResumeOthers: each stays in the kernel, or waits at the boundary with user mode
        // (AtUserBoundary), with its user registers where StoppedThread finds them. What a collector of the user heap
        // needs to scan every thread's roots. Waits its turn if another thread has them stopped, then until none of
        // the others runs user code: one that does, on another processor, comes into the kernel at its next timer
        // tick at the latest and holds at the boundary. Returns how many other threads there are.
        public static int StopOthers()
        {
            Thread self = Thread.Current;
            Process process = self.Process;
            s_lock.Lock();
            WaitWhileStoppedLocked(process, self);
            process.StoppedBy = self;
            s_lock.Unlock();
            while (true)
            {
                s_lock.Lock();
                int others = 0;
                bool inUserMode = false;
                foreach (Thread thread in process.Threads)
                {
                    if (!IsAnotherLiveThread(thread, self)) continue;
                    others++;
                    inUserMode |= thread.MayRunUserCode;
                }
                s_lock.Unlock();
                if (!inUserMode) return others;
                Thread.Yield();
            }
        }

        // The `index`th other thread of the calling thread's process, stopped by it, in a fixed order while the stop
        // lasts; null past the last, or when the caller has not stopped them.
        public static Thread StoppedThread(int index)
        {
            Thread self = Thread.Current;
            Process process = self.Process;
            Thread found = null;
            s_lock.Lock();
            if (process.StoppedBy == self)
                foreach (Thread thread in process.Threads)
                    if (IsAnotherLiveThread(thread, self) && index-- == 0) found = thread;
            s_lock.Unlock();
            return found;
        }

        public static void ResumeOthers()
        {
            Thread self = Thread.Current;
            s_lock.Lock();
            if (self.Process.StoppedBy == self) Resume(self.Process);
            s_lock.Unlock();
        }

        // On the way back to user mode (from a system call, a user-mode interrupt or fault), interrupts on: waits while
        // another thread has the process's threads stopped, and leaves if the process is ending.
        public static void AtUserBoundary()
        {
            Thread self = Thread.Current;
            Process process = self.Process;
            while (!MayReturnToUser(self))
            {
                s_lock.Lock();
                WaitWhileStoppedLocked(process, self);
                s_lock.Unlock();
                if (process.Exiting) LeaveThread();
            }
        }

        // Whether `thread`, about to return to user mode, may go: it first says it may run user code (a stop made
        // after that waits for it), then looks whether its process is ending or stopped; if so it takes that back.
        // Needs no lock: the timer tick asks with interrupts off.
        internal static bool MayReturnToUser(Thread thread)
        {
            thread.LeavingForUserMode();
            if (!thread.Process.HoldsAtBoundary(thread)) return true;
            thread.StaysInKernel();
            return false;
        }

        // Whether `thread` is another thread of `self`'s process that may still run user code: what a stop holds and
        // an exit interrupts.
        static bool IsAnotherLiveThread(Thread thread, Thread self) => thread != self && !thread.Leaving;

        static void WaitWhileStoppedLocked(Process process, Thread self)
        {
            while (process.StoppedBy != null && process.StoppedBy != self) s_resumed.Wait(s_lock);
        }

        static void Resume(Process process)
        {
            process.StoppedBy = null;
            s_resumed.WakeAll();
        }

        // Waits for thread `threadId` of the calling thread's process to end and forgets it; false when the process
        // has no such thread (or it is the caller, or another join took it).
        public static bool JoinThread(int threadId)
        {
            Thread self = Thread.Current;
            Process process = self.Process;
            s_lock.Lock();
            Thread joined = null;
            foreach (Thread thread in process.Threads)
                if (thread.Id == threadId && thread != self) joined = thread;
            s_lock.Unlock();
            if (joined == null) return false;
            joined.Join();
            s_lock.Lock();
            bool forgotten = process.Threads.Remove(joined);
            s_lock.Unlock();
            return forgotten;
        }

        // The last thread of `process` is leaving: frees its memory, records how it ended for its parent and wakes it.
        static void EndProcess(Process process)
        {
            if (s_ended != null) s_ended(process);
            Scheduler.Instance.LeaveAddressSpace();
            process.AddressSpace.Destroy();
            process.AddressSpace = null;
            process.Files?.CloseAll();
            process.Files = null;
            s_lock.Lock();
            process.Threads.Clear();
            process.State = ProcessState.Exited;
            for (int i = s_processes.Count - 1; i >= 0; i--)
            {
                Process child = s_processes[i];
                if (child.Parent != process) continue;
                child.Parent = null;                              // an orphan: nobody will wait for it
                if (child.State == ProcessState.Exited) s_processes.RemoveAt(i);
            }
            if (process.Parent == null) s_processes.Remove(process);
            s_exits.WakeAll();
            s_lock.Unlock();
        }

        // Waits until a child of `parent` with id `childId` (-1: any child) has exited, forgets it and returns its id,
        // with its wait status; -(int)ECHILD when `parent` has no such child, -(int)EINTR when the wait was interrupted
        // (the caller's process is ending). Everything the child had is freed by then, the kernel stack its last
        // thread left on too.
        public static int Wait(Process parent, int childId, out int waitStatus)
        {
            Process child = WaitForExit(parent, childId, out waitStatus, out int result);
            child?.LastThread.Join();
            return result;
        }

        static Process WaitForExit(Process parent, int childId, out int waitStatus, out int result)
        {
            s_lock.Lock();
            try
            {
                while (true)
                {
                    bool found = false;
                    for (int i = 0; i < s_processes.Count; i++)
                    {
                        Process child = s_processes[i];
                        if (child.Parent != parent || (childId != -1 && child.Id != childId)) continue;
                        found = true;
                        if (child.State != ProcessState.Exited) continue;
                        s_processes.RemoveAt(i);
                        waitStatus = child.WaitStatus;
                        result = child.Id;
                        return child;
                    }
                    waitStatus = 0;
                    result = !found ? -(int)Errno.ECHILD : -(int)Errno.EINTR;
                    if (!found || s_exits.Wait(s_lock) == WaitResult.Interrupted) return null;
                }
            }
            finally
            {
                s_lock.Unlock();
            }
        }

        // The processes now (a snapshot).
        public static Process[] Snapshot()
        {
            s_lock.Lock();
            Process[] processes = s_processes.ToArray();
            s_lock.Unlock();
            return processes;
        }
    }
}
