using System.Threading;
using Cosmos.Userland.Runtime;

// Threads of one process on different processors (memory-spec.md section 9): they map, protect and unmap memory at
// the same time while touching one shared page, and lose nothing; and a page one thread unmaps faults in another
// thread that had it in its TLB on another processor (the kernel's TLB shootdown), however many times it is tried.
static unsafe class Program
{
    const int Workers = 4, Rounds = 300, ShootdownTries = 4;
    const string ReadAfterUnmap = "read-after-unmap";

    // The page every worker touches: [0] the count of rounds done by all, [1 + i] worker i's own count.
    static long* s_shared;
    // The pages the workers protect and unprotect in turn, one each, in one region.
    static byte* s_own;

    // Read-after-unmap: the page the reader reads, and how far the two threads got (Phase).
    static byte* s_page;
    static int s_phase;
    const int Reading = 0, Paused = 1, Unmapped = 2;

    static int Main(string[] args)
    {
        if (ChildProcess.IsChild(args)) return args[1] == ReadAfterUnmap ? ReadAfterUnmapChild() : 1;
        Check.True(Processors() >= 1, "list_processors");
        ThreadsChangeMappingsAtOnce();
        for (int i = 0; i < ShootdownTries; i++) ChildProcess.ExpectSegmentationFault(ReadAfterUnmap);
        return Check.Result;
    }

    static int Processors() => (int)SystemCalls.ListProcessors(null, 0);

    // Each worker, every round: maps three private pages, fills them, makes the middle one read-only and checks it,
    // unmaps the middle one and checks the others, unmaps the rest; protects its own page of a shared region read-only
    // and back and writes it; and counts on the page all of them share, atomically.
    static void ThreadsChangeMappingsAtOnce()
    {
        s_shared = (long*)Pages.Map(1);
        s_own = Pages.Map(Workers);
        if (s_shared == null || s_own == null) return;
        long* ids = stackalloc long[Workers];
        for (int i = 0; i < Workers; i++) ids[i] = NativeThread.Start(&Work, (ulong)i);
        for (int i = 0; i < Workers; i++)
            if (ids[i] > 0) Check.Equal(0, NativeThread.Join(ids[i]), "thread_join of worker " + i.ToString());
        Check.Equal((long)Workers * Rounds, s_shared[0], "rounds counted on the shared page by all workers");
        for (int i = 0; i < Workers; i++)
        {
            Check.Equal((long)Rounds, s_shared[1 + i], "rounds worker " + i.ToString() + " finished with every check passed");
            Check.True(Pages.Holds(s_own + i * Pages.Size, (byte)(Rounds % 251)), "worker " + i.ToString() + "'s own page holds its last round");
        }
        Pages.Unmap((byte*)s_shared, 1);
        Pages.Unmap(s_own, Workers);
    }

    static void Work(ulong index)
    {
        byte* own = s_own + (int)index * Pages.Size;
        for (int round = 1; round <= Rounds; round++)
        {
            byte value = (byte)(round % 251);
            if (!PrivatePagesBehave(value)) return;
            if (SystemCalls.Mprotect(own, Pages.Size, SystemCalls.ProtectionRead) != 0) return;
            if (SystemCalls.Mprotect(own, Pages.Size, Pages.ReadWrite) != 0) return;
            Pages.Fill(own, value);
            Interlocked.Increment(ref s_shared[0]);
            s_shared[1 + index]++;
        }
    }

    static bool PrivatePagesBehave(byte value)
    {
        long mapped = SystemCalls.Mmap(null, 3 * Pages.Size, Pages.ReadWrite, SystemCalls.MapPrivate | SystemCalls.MapAnonymous, -1, 0);
        if (mapped < 0) return false;
        byte* pages = (byte*)mapped;
        bool fresh = Pages.Holds(pages, 0) && Pages.Holds(pages + 2 * Pages.Size, 0);
        for (int i = 0; i < 3; i++) Pages.Fill(pages + i * Pages.Size, (byte)(value + i));
        bool protectedMiddle = SystemCalls.Mprotect(pages + Pages.Size, Pages.Size, SystemCalls.ProtectionRead) == 0
                               && Pages.Holds(pages + Pages.Size, (byte)(value + 1));
        bool unmappedMiddle = Pages.Unmap(pages + Pages.Size, 1) == 0
                              && Pages.Holds(pages, value) && Pages.Holds(pages + 2 * Pages.Size, (byte)(value + 2));
        bool unmapped = Pages.Unmap(pages, 1) == 0 && Pages.Unmap(pages + 2 * Pages.Size, 1) == 0;
        return fresh && protectedMiddle && unmappedMiddle && unmapped;
    }

    // A reader thread, on another processor while this one runs, reads the page until told to pause, so that its TLB
    // holds the page; this thread unmaps it and lets the reader read again, which must fault and end the process.
    static int ReadAfterUnmapChild()
    {
        s_page = Pages.Map(1);
        if (s_page == null) return Check.Result;
        Pages.Fill(s_page, 1);
        long reader = NativeThread.Start(&Read, 0);
        while (Volatile.Read(ref s_phase) != Paused) { }
        Pages.Unmap(s_page, 1);
        Volatile.Write(ref s_phase, Unmapped);
        NativeThread.Join(reader);                      // the reader's fault ends the process before this returns
        return ChildProcess.ReportSurvival(ReadAfterUnmap);
    }

    static void Read(ulong unused)
    {
        long sum = 0;
        for (int i = 0; i < 1000; i++) sum += s_page[i % Pages.Size];
        Volatile.Write(ref s_phase, Paused);
        while (Volatile.Read(ref s_phase) != Unmapped) { }
        sum += s_page[0];
        s_shared = (long*)sum;                          // keeps the reads
    }
}
