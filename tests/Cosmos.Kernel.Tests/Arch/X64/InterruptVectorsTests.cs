using System;
using Cosmos.Kernel.Arch.X64;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Arch.X64
{
    [TestFixture]
    public class InterruptVectorsTests
    {
        [Test]
        public void IsaIrqsSitAboveTheParkedPicsAndBelowTheTimer()
        {
            Assert.That(InterruptVectors.ForIsaIrq(0), Is.EqualTo(0x30));
            Assert.That(InterruptVectors.ForIsaIrq(1), Is.EqualTo(0x31));
            Assert.That(InterruptVectors.ForIsaIrq(15), Is.EqualTo(0x3F));
            Assert.That(InterruptVectors.ForIsaIrq(15), Is.LessThan(InterruptVectors.ApicTimer));
            Assert.Throws<ArgumentOutOfRangeException>(() => InterruptVectors.ForIsaIrq(16));
            Assert.Throws<ArgumentOutOfRangeException>(() => InterruptVectors.ForIsaIrq(-1));
        }

        [TestCase(0x0E, false)]                                     // a page fault: no interrupt controller
        [TestCase(InterruptVectors.LegacyPicSpuriousMaster, false)]
        [TestCase(InterruptVectors.LegacyPicSpuriousSlave, false)]
        [TestCase(0x31, true)]
        [TestCase(InterruptVectors.ApicTimer, true)]
        [TestCase(InterruptVectors.ApicSpurious, false)]            // the APIC never marks it in service
        public void OnlyWhatTheLocalApicDeliveredIsAcknowledgedToIt(int vector, bool acknowledged)
        {
            Assert.That(InterruptVectors.IsAcknowledgedToLocalApic(vector), Is.EqualTo(acknowledged));
        }
    }
}
