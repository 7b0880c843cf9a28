using System;

namespace Cosmos.Memory.Benchmarks
{
    static class Program
    {
        // No argument: the page-frame allocator (docs/benchmarks/physical-memory.md); `heap`: the kernel heap
        // (docs/benchmarks/kernel-heap.md).
        static int Main(string[] args)
        {
            string suite = args.Length == 0 ? "pages" : args[0];
            Console.WriteLine("machine: " + Environment.ProcessorCount + " cores, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription
                              + ", " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
            if (suite == "pages") PageFrameBenchmarks.Run();
            else if (suite == "heap") HeapBenchmarks.Run();
            else
            {
                Console.Error.WriteLine("unknown benchmark suite '" + suite + "': use pages or heap");
                return 2;
            }
            return 0;
        }
    }
}
