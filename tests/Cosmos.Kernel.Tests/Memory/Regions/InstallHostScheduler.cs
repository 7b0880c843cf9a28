using Cosmos.Kernel.Tests.Sync;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // The address space's rwlock and the shared objects' mutex need a scheduler: every test in this namespace runs
    // with the host one.
    [SetUpFixture]
    public class InstallHostScheduler
    {
        [OneTimeSetUp]
        public void Install() => HostScheduler.Install();
    }
}
