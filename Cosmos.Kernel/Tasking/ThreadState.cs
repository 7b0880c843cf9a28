namespace Cosmos.Kernel.Tasking
{
    public enum ThreadState
    {
        Ready,          // in a run queue
        Running,        // on the processor
        Blocked,        // parked: waiting for an Unpark or a deadline
        Exited,         // done; its stack is freed by the next switch
    }
}
