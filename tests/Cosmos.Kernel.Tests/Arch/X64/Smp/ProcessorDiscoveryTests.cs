using System;
using Cosmos.Kernel.Arch.X64.Acpi;
using Cosmos.Kernel.Arch.X64.Smp;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Arch.X64.Smp
{
    [TestFixture]
    public class ProcessorDiscoveryTests
    {
        [Test]
        public void EveryEnabledProcessorButTheBootOneIsStartedInTableOrder()
        {
            var processors = new[]
            {
                new MadtProcessor(4, 0, true), new MadtProcessor(0, 1, true), new MadtProcessor(2, 2, false),
                new MadtProcessor(6, 3, true),
            };
            Assert.That(ProcessorDiscovery.ApplicationProcessors(processors, bootApicId: 0),
                        Is.EqualTo(new uint[] { 4, 6 }));
        }

        [Test]
        public void AProcessorListedTwiceIsStartedOnce()
        {
            var processors = new[]
            {
                new MadtProcessor(0, 0, true), new MadtProcessor(1, 1, true), new MadtProcessor(1, 1, true),
            };
            Assert.That(ProcessorDiscovery.ApplicationProcessors(processors, bootApicId: 0),
                        Is.EqualTo(new uint[] { 1 }));
        }

        [Test]
        public void AUniprocessorMachineHasNoneToStart()
        {
            var processors = new[] { new MadtProcessor(0, 0, true) };
            Assert.That(ProcessorDiscovery.ApplicationProcessors(processors, bootApicId: 0), Is.Empty);
            Assert.Throws<ArgumentNullException>(() => ProcessorDiscovery.ApplicationProcessors(null, 0));
        }
    }
}
