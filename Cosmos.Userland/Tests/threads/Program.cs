using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Cosmos.Userland.Runtime;

// Threads of one process (docs/syscalls.md "Threads"; memory-spec.md section 3): they share the address space, each
// has a stack region of its own above a guard page, the stack goes back when the thread ends, an overflow kills the
// process with a message, exit ends every thread of the process, even one busy in user mode, and threads allocate
// managed objects side by side while collections run (the collector finds every thread's references).
static unsafe class Program
{
    const int ThreadCount = 4, Rounds = 1000, StackTouchBytes = 32 * 1024, FrameBytes = 1024, ExitCode = 7;
    const int Lists = 200, ListLength = 100;      // per allocating thread: 20,000 nodes kept, 200 lists of garbage
    const string Overflow = "overflow", ExitWhileSpinning = "exit-while-spinning", ExitWhileReading = "exit-while-reading";
    const ulong ThreadStackBase = 0x0000_6000_0000_0000;

    // Per thread: [i] its count of rounds, [ThreadCount + i] the address of a local of its own; then how many threads
    // have finished counting (none ends before all have, so that their stacks are all there at once).
    static ulong* s_slots;
    static long* Finished => (long*)(s_slots + 2 * ThreadCount);

    static int Main(string[] args)
    {
        if (ChildProcess.IsChild(args)) return RunChild(args[1]);
        s_slots = (ulong*)Pages.Map(1);
        if (s_slots == null) return Check.Result;
        ThreadsShareMemoryAndHaveStacksOfTheirOwn();
        EndedThreadsGiveTheirStacksBack();
        ThreadsAllocateWhileCollectionsRun();
        ChildProcess.ExpectSegmentationFault(Overflow);
        ExitEndsEveryThread();
        return Check.Result;
    }

    static int RunChild(string mode)
    {
        if (mode == Overflow)
        {
            long overflowing = NativeThread.Start(&RecurseForever, 0);
            NativeThread.Join(overflowing);               // the overflow ends the process before this returns
            return ChildProcess.ReportSurvival(mode);
        }
        if (mode == ExitWhileReading)
        {
            NativeThread.Start(&ReadConsole, 0);
            for (int i = 0; i < 10; i++) SystemCalls.SchedYield();     // the reader runs and blocks
        }
        else NativeThread.Start(&Spin, 0);
        SystemCalls.Exit(ExitCode);
        return ChildProcess.Survived;
    }

    static void ThreadsShareMemoryAndHaveStacksOfTheirOwn()
    {
        long* ids = stackalloc long[ThreadCount];
        for (int i = 0; i < ThreadCount; i++)
        {
            ids[i] = NativeThread.Start(&Count, (ulong)i);
            Check.True(ids[i] > 0, "thread_create gave " + ids[i].ToString());
        }
        for (int i = 0; i < ThreadCount; i++)
            if (ids[i] > 0) Check.Equal(0, NativeThread.Join(ids[i]), "thread_join of thread " + i.ToString());
        for (int i = 0; i < ThreadCount; i++)
        {
            Check.Equal((long)Rounds * (i + 1), (long)s_slots[i], "what thread " + i.ToString() + " counted in shared memory");
            Check.True(s_slots[ThreadCount + i] >= ThreadStackBase, "thread " + i.ToString() + "'s stack lies with the thread stacks");
            for (int j = 0; j < i; j++)
                Check.True(s_slots[ThreadCount + i] / 4096 != s_slots[ThreadCount + j] / 4096, "threads " + j.ToString() + " and " + i.ToString() + " have different stacks");
        }
        if (ids[0] > 0) Check.Equal(-Errno.ESRCH, NativeThread.Join(ids[0]), "a second thread_join of the same thread");
    }

    // A warm-up round first, so that the page tables of the stack area exist; nothing allocates between the counts.
    static void EndedThreadsGiveTheirStacksBack()
    {
        RunStackToucher();
        MemoryInfo before, after;
        SystemCalls.MemoryInfo(&before);
        RunStackToucher();
        SystemCalls.MemoryInfo(&after);
        Check.Equal(Pages.Free(before), Pages.Free(after), "free pages after a thread touched " + (StackTouchBytes / 4096).ToString() + " pages of its stack and ended");
    }

    static void RunStackToucher()
    {
        long id = NativeThread.Start(&TouchStack, 0);
        if (id > 0) NativeThread.Join(id);
    }

    // Each thread builds a list that lives only in its own locals, while making garbage fast enough that collections
    // run, started by whichever thread finds the budget spent; the main thread allocates meanwhile too. A reference
    // the collector missed would free a node still in use: its values would change when the memory is reused.
    static void ThreadsAllocateWhileCollectionsRun()
    {
        ulong collectionsBefore = UserHeap.Collections;
        long* ids = stackalloc long[ThreadCount];
        for (int i = 0; i < ThreadCount; i++) ids[i] = NativeThread.Start(&BuildAndCheck, (ulong)i);
        GC.Collect();                                       // threads that have not run yet are stopped too
        ulong mainSum = BuildList(ThreadCount, out Node mine);
        for (int i = 0; i < ThreadCount; i++) if (ids[i] > 0) NativeThread.Join(ids[i]);
        for (int i = 0; i < ThreadCount; i++)
            Check.Equal(1, (long)s_slots[i], "thread " + i.ToString() + "'s list intact after the collections");
        Check.Equal((long)mainSum, (long)Sum(mine), "the main thread's list intact");
        Check.True(UserHeap.Collections > collectionsBefore + 2, "collections ran meanwhile: " + (UserHeap.Collections - collectionsBefore).ToString());
    }

    sealed class Node
    {
        public ulong Value;
        public Node Next;
        public byte[] Padding = new byte[64];
    }

    // Builds a kept list of Lists * ListLength nodes, with as much garbage besides; returns the sum it must keep.
    static ulong BuildList(int owner, out Node head)
    {
        head = null;
        ulong sum = 0;
        for (int list = 0; list < Lists; list++)
        {
            for (int n = 0; n < ListLength; n++)
            {
                ulong value = (ulong)owner * 1_000_000 + (ulong)(list * ListLength + n);
                head = new Node { Value = value, Next = head };
                sum += value;
                new Node { Value = value };                     // garbage
            }
        }
        return sum;
    }

    static ulong Sum(Node head)
    {
        ulong sum = 0;
        for (Node node = head; node != null; node = node.Next) sum += node.Value;
        return sum;
    }

    static void BuildAndCheck(ulong index)
    {
        ulong expected = BuildList((int)index, out Node head);
        s_slots[index] = Sum(head) == expected ? 1UL : 0UL;
    }

    // Whether the other thread spins in user mode or waits in the kernel for a console line that never comes (nobody
    // types during the tests), exit ends it: the process ends with exit's status.
    static void ExitEndsEveryThread()
    {
        foreach (string mode in new[] { ExitWhileSpinning, ExitWhileReading })
        {
            if (!ChildProcess.Run(out WaitStatus status, mode)) continue;
            Check.True(status.Exited && status.ExitCode == ExitCode, mode + ": exit(" + ExitCode.ToString() + ") gave " + status.ToString());
        }
    }

    static void Count(ulong index)
    {
        ulong local = index;
        s_slots[ThreadCount + (int)index] = (ulong)&local;
        for (int round = 0; round < Rounds; round++)
        {
            SystemCalls.GetProcessId();               // a trip through the kernel between increments
            s_slots[index] += index + 1;
        }
        Interlocked.Increment(ref *Finished);
        while (Volatile.Read(ref *Finished) < ThreadCount) SystemCalls.GetProcessId();
    }

    static void TouchStack(ulong unused)
    {
        byte* bytes = stackalloc byte[StackTouchBytes];
        for (int i = 0; i < StackTouchBytes; i += 4096) bytes[i] = 1;
    }

    static void ReadConsole(ulong unused)
    {
        byte* line = stackalloc byte[16];
        SystemCalls.Read(0, line, 16);
    }

    static void Spin(ulong unused)
    {
        while (true) { }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void RecurseForever(ulong depth)
    {
        byte* frame = stackalloc byte[FrameBytes];
        frame[0] = (byte)depth;
        RecurseForever(depth + 1);
        frame[FrameBytes - 1] = frame[0];
    }
}
