using System;
using Cosmos.Kernel.Arch.X64.Smp;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Arch.X64.Smp
{
    [TestFixture]
    public class InterprocessorCommandTests
    {
        [Test]
        public void InitIsALevelTriggeredAssertAddressedByApicId()
        {
            // Intel SDM vol. 3, "MP initialization example": INIT is 0x0000C500 with the ID in bits 56-63.
            Assert.That(InterprocessorCommand.Init(3), Is.EqualTo(new InterprocessorCommand(0x0300_0000, 0x0000_C500)));
        }

        [Test]
        public void StartupCarriesTheTrampolinePageNumberAsItsVector()
        {
            // The SDM's example starts at 0x9F000: 0x0000069F.
            Assert.That(InterprocessorCommand.Startup(1, 0x9F000),
                        Is.EqualTo(new InterprocessorCommand(0x0100_0000, 0x0000_069F)));
            Assert.That(InterprocessorCommand.Startup(255, 0x8000).High, Is.EqualTo(0xFF00_0000));
        }

        [TestCase(0x8001UL)]       // not page-aligned
        [TestCase(0x10_0000UL)]    // not reachable in real mode
        public void AStartupPageTheProcessorCannotReachIsRefused(ulong trampoline)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => InterprocessorCommand.Startup(1, trampoline));
        }

        [Test]
        public void ApicIdsBeyondXApicAreRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => InterprocessorCommand.Init(256));
            Assert.Throws<ArgumentOutOfRangeException>(() => InterprocessorCommand.Startup(300, 0x8000));
        }

        [Test]
        public void NeitherCommandIsMarkedPendingWhenBuilt()
        {
            Assert.That(InterprocessorCommand.Init(1).Low & InterprocessorCommand.DeliveryPending, Is.Zero);
            Assert.That(InterprocessorCommand.Startup(1, 0x8000).Low & InterprocessorCommand.DeliveryPending, Is.Zero);
        }
    }
}
