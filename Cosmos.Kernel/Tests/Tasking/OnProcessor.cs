using System;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Tests.Tasking
{
    // For tests about one processor in particular: runs the body in a thread pinned to it and waits for it.
    static class OnProcessor
    {
        public static void Run(uint processor, Action body)
        {
            Thread thread = Thread.Start("on CPU " + processor.ToString(), body, pinnedTo: (int)processor);
            thread.Join();
        }
    }
}
