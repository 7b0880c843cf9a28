using System;
using Cosmos.Kernel.Diagnostics;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Diagnostics
{
    [TestFixture]
    public class ByteRingTests
    {
        [Test]
        public void BytesComeOutInOrderAcrossTheWrap()
        {
            var ring = new ByteRing(4);
            var taken = new System.Collections.Generic.List<byte>();
            for (byte value = 1; value <= 10; value++)
            {
                Assert.That(ring.TryPut(value), Is.True, "put " + value);
                if (value % 2 == 0)
                {
                    while (ring.TryTake(out byte b)) taken.Add(b);
                }
            }
            Assert.That(taken, Is.EqualTo(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));
            Assert.That(ring.Count, Is.Zero);
        }

        [Test]
        public void AFullRingDropsNewBytesAndCountsThem()
        {
            var ring = new ByteRing(2);
            ring.TryPut(1);
            ring.TryPut(2);
            Assert.That(ring.TryPut(3), Is.False);
            Assert.That(ring.Dropped, Is.EqualTo(1));
            Assert.That(ring.TryTake(out byte first) && first == 1, Is.True);
            Assert.That(ring.TryTake(out byte second) && second == 2, Is.True);
            Assert.That(ring.TryTake(out byte none), Is.False);
            Assert.That(none, Is.Zero);
        }

        [Test]
        public void ARingHoldsAtLeastOneByte()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRing(0));
        }
    }
}
