namespace Cosmos.Kernel.Sync
{
    // The scheduler the locks use: the kernel installs its own at boot, the host tests one over real threads.
    public static class Scheduling
    {
        public static IScheduler Scheduler { get; private set; }

        public static void Install(IScheduler scheduler) => Scheduler = scheduler;
    }
}
