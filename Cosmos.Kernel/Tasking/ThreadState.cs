namespace Cosmos.Kernel.Tasking
{
    public enum ThreadState
    {
        Ready,          // in a run queue
        Running,        // on the processor
        Blocked,        // parked: waiting for an Unpark or a deadline
        Exiting,        // done running; its processor frees its stack after switching away from it
        Exited,         // done, its stack freed
    }
}
