using System.Collections.Generic;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel.Tasking
{
    public enum ProcessState
    {
        Running,
        Exited,         // its memory is freed; it stays listed until its parent has waited for it (a zombie)
    }

    // A running program: its own user half, its threads, its open files, and what its parent learns when it ends.
    // Processes and their threads are created, ended and waited for through ProcessTable, which keeps the family
    // relations and the thread counts consistent (under its lock).
    public sealed class Process
    {
        internal Process(int id, string name, Process parent, UserAddressSpace addressSpace, FileDescriptorTable files)
        {
            Id = id;
            Name = name;
            Parent = parent;
            AddressSpace = addressSpace;
            Files = files;
        }

        public int Id { get; }
        public string Name { get; }
        public Process Parent { get; internal set; }
        public ProcessState State { get; internal set; }
        // The thread it started with.
        public Thread MainThread { get; internal set; }

        // Its threads not yet joined: running ones, and ended ones thread_join may still ask for.
        internal List<Thread> Threads { get; } = new List<Thread>();

        // Its threads still running; the last to leave ends the process.
        public int LiveThreads { get; internal set; }

        // The thread that left last and ended it, which a wait joins (its kernel stack goes after the process ends).
        internal Thread LastThread { get; set; }

        // Set once exit (or a fault) has ended the process: its other threads leave as soon as they reach the boundary
        // with user mode (docs/processes.md).
        public bool Exiting { get; internal set; }

        // The thread that has the others stopped (ProcessTable.StopOthers), or null.
        internal Thread StoppedBy { get; set; }

        // Whether `thread`, about to return to user mode, must go no further: the process is ending, or another
        // thread has the others stopped.
        internal bool HoldsAtBoundary(Thread thread) => Exiting || (StoppedBy != null && StoppedBy != thread);

        // Its user half while it runs; null once it has exited.
        public UserAddressSpace AddressSpace { get; internal set; }

        // Its open files; null once it has exited.
        public FileDescriptorTable Files { get; internal set; }

        // How it ended, as wait4 reports it (docs/syscalls.md): exit code << 8, or the signal that killed it.
        public int WaitStatus { get; internal set; }

        public override string ToString() => "process " + Id.ToString() + " (" + Name + ")";
    }
}
