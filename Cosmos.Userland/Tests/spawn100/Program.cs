using Cosmos.Userland.Runtime;

// Every page a program had comes back when it ends: a hundred of them leave the free page count exactly as it was.
// The loop allocates nothing (its strings and arrays are made before the first count), so this program's own heap
// does not grow meanwhile; a warm-up spawn first settles whatever the kernel sets up once.
static unsafe class Program
{
    const int Runs = 100;

    static int Main()
    {
        byte[] path = CString.From("/bin/exit42");
        var argv = new CStringArray(new[] { "/bin/exit42" });
        var envp = new CStringArray(new string[0]);
        int wrongStatuses = 0;
        int status;
        MemoryInfo before, after;
        fixed (byte* pathPointer = path)
        {
            long warmUp = SystemCalls.Spawn(pathPointer, argv.Pointers, envp.Pointers);
            Check.True(warmUp > 0, "warm-up spawn gave " + warmUp.ToString());
            if (warmUp <= 0) return Check.Result;
            SystemCalls.Wait4((int)warmUp, &status, 0, null);
            Check.Equal(0, SystemCalls.MemoryInfo(&before), "meminfo before");
            for (int i = 0; i < Runs; i++)
            {
                long pid = SystemCalls.Spawn(pathPointer, argv.Pointers, envp.Pointers);
                status = 0;
                if (pid <= 0 || SystemCalls.Wait4((int)pid, &status, 0, null) != pid || status >> 8 != 42) wrongStatuses++;
            }
            Check.Equal(0, SystemCalls.MemoryInfo(&after), "meminfo after");
        }
        System.GC.KeepAlive(argv);
        System.GC.KeepAlive(envp);
        Check.Equal(0, wrongStatuses, "runs that did not end with status 42");
        Check.Equal((long)before.FreePages, (long)after.FreePages, "free pages after " + Runs.ToString() + " programs");
        return Check.Result;
    }
}
