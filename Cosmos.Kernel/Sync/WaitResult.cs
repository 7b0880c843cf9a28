namespace Cosmos.Kernel.Sync
{
    // Why a wait ended.
    public enum WaitResult
    {
        Woken,
        TimedOut,
        Interrupted,
    }
}
