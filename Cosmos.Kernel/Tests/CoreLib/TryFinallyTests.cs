using System;
using System.Collections.Generic;
using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.CoreLib
{
    // There is no unwinder: catch and finally never run for a thrown exception (a throw is fatal). These tests pin
    // down what does work without one: finally blocks on normal exits, `using`, and foreach's Dispose call.
    static class TryFinallyTests
    {
        sealed class Resource : IDisposable
        {
            public int Disposals;
            public void Dispose() => Disposals++;
        }

        sealed class CountingEnumerable : IEnumerable<int>
        {
            public int Disposals;
            public IEnumerator<int> GetEnumerator() => new Enumerator(this);
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

            sealed class Enumerator : IEnumerator<int>
            {
                readonly CountingEnumerable _owner;
                int _current;
                public Enumerator(CountingEnumerable owner) { _owner = owner; }
                public bool MoveNext() => ++_current <= 3;
                public int Current => _current;
                object System.Collections.IEnumerator.Current => _current;
                public void Reset() { }
                public void Dispose() => _owner.Disposals++;
            }
        }

        static int s_log;

        static int ReturnFromTry(int value)
        {
            try
            {
                return value * 2;
            }
            finally
            {
                s_log += 10;
            }
        }

        [KernelTest]
        internal static void FinallyRunsOnNormalExit()
        {
            s_log = 0;
            int sum = 0;
            for (int i = 0; i < 3; i++)
            {
                try
                {
                    if (i == 1) continue;
                    sum += i;
                }
                finally
                {
                    s_log++;
                }
            }
            Assert.Equal(3, s_log, "finally ran on fall-through and on continue");
            Assert.Equal(2, sum, "loop body");
            Assert.Equal(8, ReturnFromTry(4), "value returned from try");
            Assert.Equal(13, s_log, "finally ran on return");
        }

        [KernelTest]
        internal static void UsingDisposes()
        {
            var resource = new Resource();
            using (resource)
            {
                Assert.Equal(0, resource.Disposals, "not disposed inside the block");
            }
            Assert.Equal(1, resource.Disposals, "disposed once at the end of using");
            var declared = new Resource();
            UseAndLeave(declared);
            Assert.Equal(1, declared.Disposals, "using declaration disposed at method exit");
        }

        static void UseAndLeave(Resource resource)
        {
            using Resource r = resource;
            Assert.Equal(0, r.Disposals, "not yet disposed");
        }

        [KernelTest]
        internal static void ForeachDisposesEnumerator()
        {
            var items = new CountingEnumerable();
            int sum = 0;
            foreach (int x in items) sum += x;
            Assert.Equal(6, sum, "items enumerated");
            Assert.Equal(1, items.Disposals, "enumerator disposed after the loop");
            foreach (int x in items)
                if (x == 2) break;
            Assert.Equal(2, items.Disposals, "enumerator disposed after break");
        }
    }
}
