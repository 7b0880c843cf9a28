using Cosmos.Kernel.Arch.X64;

namespace Cosmos.Kernel.Tasking
{
    // One processor as the scheduler sees it: the thread it runs, its idle thread, its own ready threads by priority
    // (other processors take from them when theirs are empty), what is left of the running thread's turn, and the
    // threads it switched away from for good, whose stacks it frees once it has released the scheduler's lock.
    // Guarded by that lock.
    sealed unsafe class Processor
    {
        public Processor(PerCpuRecord* record, Thread idle)
        {
            Record = record;
            Idle = idle;
            Current = idle;
        }

        public PerCpuRecord* Record { get; }
        public uint Index => Record->Index;
        public Thread Idle { get; }
        public Thread Current;
        public readonly RunQueue[] Ready = { new RunQueue(), new RunQueue(), new RunQueue() };   // by ThreadPriority
        public int TicksLeft;
        public ulong ContextSwitches;
        public Thread Exited;

        public bool IsIdle => Current == Idle;
    }
}
