using System;
using Cosmos.Kernel.Arch.X64.Smp;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Arch.X64.Smp
{
    // The Intel SDM's example start-up sequence (vol. 3A, "Typical BSP Initialization Sequence") broadcasts INIT as
    // ICR low 000C4500H and STARTUP as 000C46XXH (XX = the page number); the kernel sends the same messages to one
    // processor at a time, so the destination shorthand (bits 18-19, 0C0000H) is 0 and the APIC ID sits in bits
    // 24-31 of the high half.
    [TestFixture]
    public class InterruptCommandTests
    {
        const uint AllExcludingSelf = 0x000C0000;

        [Test]
        public void InitIsTheSdmsInitAddressedToOneProcessor()
        {
            InterruptCommand init = InterruptCommand.Init(3);
            Assert.That(init.Low, Is.EqualTo(0x000C4500 & ~AllExcludingSelf));
            Assert.That(init.High, Is.EqualTo(0x03000000));
        }

        [Test]
        public void StartupCarriesThePageNumberAsItsVector()
        {
            InterruptCommand startup = InterruptCommand.Startup(1, 0x8000);
            Assert.That(startup.Low, Is.EqualTo(0x000C4608 & ~AllExcludingSelf));
            Assert.That(startup.High, Is.EqualTo(0x01000000));
        }

        [Test]
        public void NmiHasDeliveryModeOneHundredBinaryAndNoVector()
        {
            InterruptCommand nmi = InterruptCommand.Nmi(2);
            Assert.That(nmi.Low, Is.EqualTo(0x00004400));
            Assert.That(nmi.High, Is.EqualTo(0x02000000));
        }

        [Test]
        public void TheHighestApicIdAndPageFitTheirFields()
        {
            InterruptCommand startup = InterruptCommand.Startup(255, 0xFF000);
            Assert.That(startup.Low & 0xFF, Is.EqualTo(0xFF));
            Assert.That(startup.High, Is.EqualTo(0xFF000000));
        }

        [TestCase(0x8800UL)]
        [TestCase(0x100000UL)]
        public void StartupRefusesAnAddressThatIsNotAPageBelowOneMebibyte(ulong address)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => InterruptCommand.Startup(1, address));
        }

        [Test]
        public void AnApicIdBeyondEightBitsIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => InterruptCommand.Init(256));
        }
    }
}
