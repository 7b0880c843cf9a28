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
    public static class ProcessTable
    {
        static readonly Mutex s_lock = new Mutex();
        static readonly WaitQueue s_exits = new WaitQueue();
        static readonly List<Process> s_processes = new List<Process>();
        static int s_nextId = 1;

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

        // Starts a created process's thread: it enters user mode at `entry` with `stackPointer`.
        public static void Run(Process process, ulong entry, ulong stackPointer)
            => process.MainThread = Scheduler.Instance.Start(process.Name, () => UserMode.Enter(entry, stackPointer),
                                                             ThreadPriority.Normal, process);

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

        // Ends the calling thread's process: frees its memory, records `waitStatus` for its parent and wakes it.
        [DoesNotReturn]
        public static void ExitCurrent(int waitStatus)
        {
            Process process = Current;
            Scheduler.Instance.LeaveAddressSpace();
            process.AddressSpace.Destroy();
            process.AddressSpace = null;
            process.Files?.CloseAll();
            process.Files = null;
            s_lock.Lock();
            process.WaitStatus = waitStatus;
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
            Thread.Exit();
        }

        // Waits until a child of `parent` with id `childId` (-1: any child) has exited, forgets it and returns its id,
        // with its wait status; -1 when `parent` has no such child.
        public static int Wait(Process parent, int childId, out int waitStatus)
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
                        return child.Id;
                    }
                    if (!found)
                    {
                        waitStatus = 0;
                        return -1;
                    }
                    s_exits.Wait(s_lock);
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
