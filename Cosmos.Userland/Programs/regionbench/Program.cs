using System;
using Cosmos.Userland.Runtime;

// The region benchmark of docs/benchmarks/regions.md: threads make system calls that check user pointers (msync of a
// page of anonymous memory: the kernel checks the range under the address space's lock as a reader, and has nothing
// to write back), while the first thread also maps and unmaps a page once every MapEvery calls (as a writer). It
// prints, for 1 and for 4 threads, the cycles (guest instructions under `cosmos bench`) per call over all threads:
//   BENCH regions.<label>.threads-<n> <cycles> cycles/call
// <label> (its one argument) names how the kernel was set to lock (rwlock, or whole-lock for readers taking it exclusively).
static unsafe class Program
{
    const int CallsPerThread = 20_000, MapEvery = 100, BufferPages = 16, PageSize = 4096;

    static byte* s_buffer;

    static int Main(string[] args)
    {
        string label = args.Length > 0 ? args[0] : "rwlock";
        long mapped = SystemCalls.Mmap(null, BufferPages * PageSize, SystemCalls.ProtectionRead | SystemCalls.ProtectionWrite,
                                       SystemCalls.MapPrivate | SystemCalls.MapAnonymous, -1, 0);
        if (mapped < 0)
        {
            Console.WriteLine("regionbench: mmap failed with error " + (-mapped).ToString());
            return 1;
        }
        s_buffer = (byte*)mapped;
        for (int page = 0; page < BufferPages; page++) s_buffer[page * PageSize] = 1;   // present before timing
        foreach (int threads in new[] { 1, 4 })
        {
            ulong cycles = Measure(threads);
            if (cycles == 0) return 1;
            Console.WriteLine("BENCH regions." + label + ".threads-" + threads.ToString() + " "
                              + (cycles / (ulong)(threads * CallsPerThread)).ToString() + " cycles/call");
        }
        return 0;
    }

    // Cycles from the first thread's start to the last one's end; 0 when a thread could not start.
    static ulong Measure(int threads)
    {
        long* ids = stackalloc long[threads];
        ulong start = Timestamp.Read();
        for (int i = 0; i < threads; i++)
        {
            ids[i] = NativeThread.Start(&Work, (ulong)i);
            if (ids[i] >= 0) continue;
            Console.WriteLine("regionbench: thread_create failed with error " + (-ids[i]).ToString());
            return 0;
        }
        for (int i = 0; i < threads; i++) NativeThread.Join(ids[i]);
        return Timestamp.Read() - start;
    }

    static void Work(ulong index)
    {
        for (int call = 0; call < CallsPerThread; call++)
        {
            SystemCalls.Msync(s_buffer + (call % BufferPages) * PageSize, PageSize, SystemCalls.SyncAsynchronous);
            if (index != 0 || call % MapEvery != 0) continue;
            long page = SystemCalls.Mmap(null, PageSize, SystemCalls.ProtectionRead | SystemCalls.ProtectionWrite,
                                         SystemCalls.MapPrivate | SystemCalls.MapAnonymous, -1, 0);
            if (page >= 0) SystemCalls.Munmap((void*)page, PageSize);
        }
    }
}
