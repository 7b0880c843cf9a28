using System;
using System.Runtime.CompilerServices;
using Cosmos.Userland.Runtime;

// A user stack that overflows runs into its guard page (docs/syscalls.md "Memory mappings"; memory-spec.md section
// 3): the child mode "recurse" recurses without end and must be killed by SIGSEGV, and its parent lives on. On Linux
// only the child mode is meaningful (the host tests run it).
static unsafe class Program
{
    const string Recurse = "recurse";
    const int FrameBytes = 1024;

    static int Main(string[] args)
    {
        if (ChildProcess.IsChild(args))
        {
            Console.WriteLine("stackoverflow: recursing until the stack runs out");
            RecurseForever(0);
            return ChildProcess.ReportSurvival(Recurse);
        }
        ChildProcess.ExpectSegmentationFault(Recurse);
        Console.WriteLine("stackoverflow: the parent survived its child's stack overflow");
        return Check.Result;
    }

    // Each frame holds FrameBytes of stack that it uses after the call, so that neither the frame nor the call can be
    // optimised away.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int RecurseForever(int depth)
    {
        byte* frame = stackalloc byte[FrameBytes];
        frame[0] = (byte)depth;
        frame[FrameBytes - 1] = (byte)(depth >> 8);
        return RecurseForever(depth + 1) + frame[0] + frame[FrameBytes - 1];
    }
}
