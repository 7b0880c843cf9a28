using System;
using Cosmos.Userland.Runtime;

// Every page a program had comes back when it ends. A hundred programs, spawned and waited for one after the other,
// must leave the free page count (with the kernel heap's pages counted as free) where it was, give or take
// Slack pages: seen from here, the kernel's own layout moves a little from one measurement to the next (a span of its
// non-moving heap kept alive by a stale reference on a kernel stack, a page table under a span at a new address),
// while a program that kept even one page would cost a hundred. The in-kernel test AHundredProgramsGiveBackEveryPage
// checks exactly, on a quiet kernel. The loop allocates nothing, so this program's own heap does not grow; a first,
// unmeasured round lets the kernel heap reach its working size.
static unsafe class Program
{
    const int Runs = 100;
    const long Slack = 4;

    static int Main()
    {
        byte[] path = CString.From("/bin/exit42");
        var argv = new CStringArray(new[] { "/bin/exit42" });
        var envp = new CStringArray(new string[0]);
        int wrongStatuses = 0;
        MemoryInfo before, after;
        fixed (byte* pathPointer = path)
        {
            wrongStatuses += RunAll(pathPointer, argv, envp);
            Check.Equal(0, SystemCalls.MemoryInfo(&before), "meminfo before");
            wrongStatuses += RunAll(pathPointer, argv, envp);
            Check.Equal(0, SystemCalls.MemoryInfo(&after), "meminfo after");
        }
        System.GC.KeepAlive(argv);
        System.GC.KeepAlive(envp);
        Check.Equal(0, wrongStatuses, "runs that did not end with status 42");
        long change = (long)(after.FreePages + after.KernelHeapPages) - (long)(before.FreePages + before.KernelHeapPages);
        Console.WriteLine("free pages " + before.FreePages.ToString() + " -> " + after.FreePages.ToString() + ", kernel heap pages "
                          + before.KernelHeapPages.ToString() + " -> " + after.KernelHeapPages.ToString());
        Check.True(change >= -Slack && change <= Slack, "free pages plus the kernel heap's changed by " + change.ToString()
                   + " after " + Runs.ToString() + " programs");
        return Check.Result;
    }

    // Spawns the program Runs times, one after the other; returns how many did not end with status 42.
    static int RunAll(byte* path, CStringArray argv, CStringArray envp)
    {
        int wrong = 0;
        for (int i = 0; i < Runs; i++)
        {
            long pid = SystemCalls.Spawn(path, argv.Pointers, envp.Pointers);
            int status = 0;
            if (pid <= 0 || SystemCalls.Wait4((int)pid, &status, 0, null) != pid || status >> 8 != 42) wrong++;
        }
        return wrong;
    }
}
