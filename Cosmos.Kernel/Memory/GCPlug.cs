using System;
using Cosmos.Plugs;

namespace Cosmos.Kernel.Memory
{
    // GC.Collect, which CoreLib leaves empty (its early heap never frees), runs the kernel heap's collector.
    [Plug(typeof(GC))]
    static class GCPlug
    {
        public static void Collect() => KernelHeap.Collect();
    }
}
