using System.Threading;
using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.CoreLib
{
    // Interlocked's members are expanded by the compiler (a body that ran would recurse until the stack overflowed):
    // these check what the expansions return.
    static class InterlockedTests
    {
        [KernelTest]
        internal static void CompareExchangeStoresOnlyOnAMatchAndReturnsWhatWasThere()
        {
            int value = 5;
            Assert.Equal(5, Interlocked.CompareExchange(ref value, 7, 5), "returned on a match");
            Assert.Equal(7, value, "stored on a match");
            Assert.Equal(7, Interlocked.CompareExchange(ref value, 9, 5), "returned on a mismatch");
            Assert.Equal(7, value, "kept on a mismatch");
            long wide = 1L << 40;
            Assert.Equal(1L << 40, Interlocked.CompareExchange(ref wide, -1, 1L << 40), "long: returned on a match");
            Assert.Equal(-1, wide, "long: all 64 bits stored");
            ulong unsigned = ulong.MaxValue;
            Assert.Equal(ulong.MaxValue, Interlocked.CompareExchange(ref unsigned, 3, ulong.MaxValue), "ulong");
            Assert.Equal(3UL, unsigned, "ulong: stored");
        }

        [KernelTest]
        internal static void ExchangeReturnsTheOldValue()
        {
            int value = 1;
            Assert.Equal(1, Interlocked.Exchange(ref value, 2), "int: the old value");
            Assert.Equal(2, value, "int: the new value");
            long wide = -5;
            Assert.Equal(-5, Interlocked.Exchange(ref wide, 1L << 50), "long: the old value");
            Assert.Equal(1L << 50, wide, "long: the new value");
        }

        [KernelTest]
        internal static void AddIncrementAndDecrementReturnTheNewValue()
        {
            int value = 10;
            Assert.Equal(15, Interlocked.Add(ref value, 5), "Add");
            Assert.Equal(16, Interlocked.Increment(ref value), "Increment");
            Assert.Equal(15, Interlocked.Decrement(ref value), "Decrement");
            Assert.Equal(15, value, "the stored value");
            long wide = uint.MaxValue;
            Assert.Equal(1L << 32, Interlocked.Increment(ref wide), "long: Increment carries past 32 bits");
            Assert.Equal(uint.MaxValue, Interlocked.Decrement(ref wide), "long: Decrement");
            uint unsigned = uint.MaxValue;
            Assert.Equal(0, Interlocked.Increment(ref unsigned), "uint: Increment wraps");
            Assert.Equal(uint.MaxValue, Interlocked.Decrement(ref unsigned), "uint: Decrement wraps");
        }

        [KernelTest]
        internal static void VolatileReadsWhatVolatileWrote()
        {
            long wide = 0;
            Volatile.Write(ref wide, long.MinValue);
            Interlocked.MemoryBarrier();
            Assert.Equal(long.MinValue, Volatile.Read(ref wide), "long");
            bool flag = false;
            Volatile.Write(ref flag, true);
            Assert.True(Volatile.Read(ref flag), "bool");
            string text = null;
            Volatile.Write(ref text, "set");
            Assert.Equal("set", Volatile.Read(ref text), "a reference");
        }
    }
}
