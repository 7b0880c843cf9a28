using System.Runtime.CompilerServices;
using Cosmos.Kernel.Diagnostics.Testing;
using Internal.Runtime;

namespace Cosmos.Kernel.Tests.CoreLib
{
    // Statics: start-up code must give every type with static references a statics block in the heap (or writes land
    // at a junk address and still read back), static constructors run once, lazily, and preinitialized data is there.
    static class StaticsTests
    {
        static class Holder
        {
            internal static object s_object;
            internal static string s_text;
        }

        static class ConstructorLog
        {
            internal static int Runs;
            internal static bool TestStarted;
            internal static bool SawTestStarted;
        }

        // Writes to another type's statics: ILC cannot precompute this, so the constructor runs at run time.
        static class Lazy
        {
            internal static readonly int Value;

            static Lazy()
            {
                ConstructorLog.Runs++;
                ConstructorLog.SawTestStarted = ConstructorLog.TestStarted;
                Value = 100 + ConstructorLog.Runs;
            }
        }

        static class Preinitialized
        {
            internal static readonly int[] Primes = { 2, 3, 5, 7, 11 };
            internal static readonly string Greeting = "hello";
            internal static int Counter = 41;
            internal static long Big = 0x0123456789ABCDEF;
        }

        [KernelTest]
        internal static unsafe void GcStaticReferenceFieldsLiveInTheEarlyHeap()
        {
            object value = new object();
            Holder.s_object = value;
            Holder.s_text = "text";
            Assert.True(RuntimeDiagnostics.IsEarlyHeapAddress(Unsafe.AsPointer(ref Holder.s_object)), "object static's storage is in the early heap");
            Assert.True(RuntimeDiagnostics.IsEarlyHeapAddress(Unsafe.AsPointer(ref Holder.s_text)), "string static's storage is in the early heap");
            Assert.Same(value, Holder.s_object, "object static reads back");
            Assert.Equal("text", Holder.s_text, "string static reads back");
        }

        [KernelTest]
        internal static void StaticConstructorRunsOnceLazily()
        {
            Assert.Equal(0, ConstructorLog.Runs, "constructor has not run before first access");
            ConstructorLog.TestStarted = true;
            int first = Lazy.Value;
            Assert.Equal(1, ConstructorLog.Runs, "constructor ran on first access");
            Assert.True(ConstructorLog.SawTestStarted, "constructor ran after the test began (lazily)");
            Assert.Equal(101, first, "value set by the constructor");
            Assert.Equal(101, Lazy.Value, "second access");
            Assert.Equal(1, ConstructorLog.Runs, "constructor ran exactly once");
        }

        [KernelTest]
        internal static void PreinitializedStaticsHaveTheirValues()
        {
            int[] primes = Preinitialized.Primes;
            Assert.Equal(5, primes.Length, "array length");
            Assert.Equal(2, primes[0], "primes[0]");
            Assert.Equal(11, primes[4], "primes[4]");
            Assert.Equal("hello", Preinitialized.Greeting, "string");
            Assert.Equal(0x0123456789ABCDEF, Preinitialized.Big, "long");
            Preinitialized.Counter++;
            Assert.Equal(42, Preinitialized.Counter, "mutable int static");
        }
    }
}
