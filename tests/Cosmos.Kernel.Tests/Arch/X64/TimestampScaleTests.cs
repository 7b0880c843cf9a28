using System;
using Cosmos.Kernel.Arch.X64;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Arch.X64
{
    [TestFixture]
    public class TimestampScaleTests
    {
        [TestCase(1_000_000_000UL, 123_456_789UL, 123_456_789UL)]
        [TestCase(2_118_009_702UL, 2_118_009_702UL, 1_000_000_000UL)]
        [TestCase(4_000_457UL, 4_000_457UL * 3 + 2, 3_000_000_499UL)]     // 2 counts are 499.94 ns
        [TestCase(3UL, 2UL, 666_666_666UL)]
        public void CountsBecomeNanosecondsRoundedDown(ulong frequency, ulong count, ulong nanoseconds)
        {
            Assert.That(new TimestampScale(frequency).ToNanoseconds(count), Is.EqualTo(nanoseconds));
        }

        [Test]
        public void TheLargestCountDoesNotOverflowAtTheHighestFrequency()
        {
            var scale = new TimestampScale(18_000_000_000);
            ulong expected = (ulong)((System.Numerics.BigInteger)ulong.MaxValue * 1_000_000_000 / 18_000_000_000);
            Assert.That(scale.ToNanoseconds(ulong.MaxValue), Is.EqualTo(expected));
        }

        [Test]
        public void ALaterCountNeverGivesAnEarlierTime()
        {
            var scale = new TimestampScale(2_118_009_702);
            ulong previous = 0;
            for (ulong count = 2_118_009_702UL * 5 - 3000; count < 2_118_009_702UL * 5 + 3000; count++)
            {
                ulong now = scale.ToNanoseconds(count);
                Assert.That(now, Is.GreaterThanOrEqualTo(previous), "count " + count);
                previous = now;
            }
        }

        [TestCase(62_500_000UL, 1_000_000UL, 62_500UL)]             // QEMU's APIC timer: 1 ms
        [TestCase(250_000UL, 2_500_000_000UL, 625_000UL)]
        public void NanosecondsBecomeCountsRoundedDown(ulong frequency, ulong nanoseconds, ulong count)
        {
            Assert.That(new TimestampScale(frequency).FromNanoseconds(nanoseconds), Is.EqualTo(count));
        }

        [Test]
        public void AFrequencyIsMeasuredAgainstAReferenceClock()
        {
            // 20 ms of the PIT (23863 counts at 1.193182 MHz) while a 2 GHz counter advanced 40 million.
            Assert.That(TimestampScale.MeasureFrequency(40_000_000, 23_863, 1_193_182), Is.EqualTo(2_000_053_639));
            Assert.Throws<ArgumentOutOfRangeException>(() => TimestampScale.MeasureFrequency(1, 0, 1_193_182));
        }

        [TestCase(0UL)]
        [TestCase(18_446_744_074UL)]
        public void AnImpossibleFrequencyIsRefused(ulong frequency)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new TimestampScale(frequency));
        }
    }
}
