using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Sync
{
    // Every test in this namespace runs with the host scheduler installed.
    [SetUpFixture]
    public class InstallHostScheduler
    {
        [OneTimeSetUp]
        public void Install() => HostScheduler.Install();
    }
}
