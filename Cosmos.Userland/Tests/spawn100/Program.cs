using System;
using Cosmos.Userland.Runtime;

// Every page a program had comes back when it ends: a hundred programs, spawned and waited for one after the other,
// leave the free page count exactly where it was, counting the pages the kernel heap holds as free: the collector does
// not move objects, so a stale reference on a kernel stack can keep a span or two more (or fewer) than last time, and
// that is the kernel's working memory, not a program's. What the heap holds in live objects must not grow by more
// than LiveBytesSlack, which even a 48-byte kernel object kept per program would exceed. Nothing may allocate between
// the two counts (not even a check's message), so that this program's own heap does not grow meanwhile; a first,
// unmeasured round lets the kernel's heap reach its working size.
static unsafe class Program
{
    const int Runs = 100;
    const long LiveBytesSlack = 4096;

    static int Main()
    {
        byte[] path = CString.From("/bin/exit42");
        var argv = new CStringArray(new[] { "/bin/exit42" });
        var envp = new CStringArray(new string[0]);
        int wrongStatuses = 0;
        MemoryInfo before, after;
        long beforeResult, afterResult;
        fixed (byte* pathPointer = path)
        {
            wrongStatuses += RunAll(pathPointer, argv, envp);
            beforeResult = SystemCalls.MemoryInfo(&before);
            wrongStatuses += RunAll(pathPointer, argv, envp);
            afterResult = SystemCalls.MemoryInfo(&after);
        }
        System.GC.KeepAlive(argv);
        System.GC.KeepAlive(envp);
        Check.Equal(0, beforeResult, "meminfo before");
        Check.Equal(0, afterResult, "meminfo after");
        Check.Equal(0, wrongStatuses, "runs that did not end with status 42");
        Check.Equal((long)(before.FreePages + before.KernelHeapPages), (long)(after.FreePages + after.KernelHeapPages),
                    "free pages plus the kernel heap's after " + Runs.ToString() + " programs (free pages " + before.FreePages.ToString()
                    + " before, " + after.FreePages.ToString() + " after)");
        long liveGrowth = (long)after.KernelHeapBytes - (long)before.KernelHeapBytes;
        Check.True(liveGrowth <= LiveBytesSlack, "the kernel heap's live bytes grew by " + liveGrowth.ToString() + " over " + Runs.ToString() + " programs");
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
