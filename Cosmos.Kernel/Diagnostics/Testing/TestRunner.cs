using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Diagnostics.Testing
{
    // Runs every registered [KernelTest] and reports on the kernel log, one machine-readable line per test:
    //   RUN <name>              before the test (a RUN without its TEST line means the test brought the kernel down)
    //   TEST <name> PASS
    //   TEST <name> FAIL <first failed assertion>
    //   TESTS DONE <p> passed, <f> failed
    public sealed unsafe class TestRunner
    {
        int _passed;
        int _failed;

        public static void RunAll()
        {
            var runner = new TestRunner();
            RegisteredTests.RunAll(runner);
            KernelLog.WriteLine("TESTS DONE " + runner._passed.ToString() + " passed, " + runner._failed.ToString() + " failed");
        }

        // Called by the generated registry (RegisteredTests), once per test.
        internal void Run(string name, delegate*<void> test)
        {
            KernelLog.WriteLine("RUN " + name);
            Assert.Reset();
            ScrubStack();
            test();
            string failure = Assert.FirstFailure;
            if (failure == null)
            {
                _passed++;
                KernelLog.WriteLine("TEST " + name + " PASS");
            }
            else
            {
                _failed++;
                KernelLog.WriteLine("TEST " + name + " FAIL " + failure);
            }
        }

        // Zeroes the stack the test is about to run on. The collector scans stacks conservatively: a word left there
        // by earlier code (a pointer to an earlier test's garbage) would keep that garbage alive through some of the
        // test's collections and not others, and the memory tests count pages exactly.
        [MethodImpl(MethodImplOptions.NoInlining)]
        static void ScrubStack()
        {
            const int Bytes = 16 * 1024;
            ulong* words = stackalloc ulong[Bytes / sizeof(ulong)];
            for (int i = 0; i < Bytes / sizeof(ulong); i++) words[i] = 0;
        }
    }
}
