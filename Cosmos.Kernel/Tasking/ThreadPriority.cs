namespace Cosmos.Kernel.Tasking
{
    // A ready thread of a higher priority always runs before one of a lower; threads of one priority share the
    // processor in turns of a time slice.
    public enum ThreadPriority
    {
        Low,
        Normal,
        High,
    }
}
