using Cosmos.Plugs;

namespace Cosmos.Kernel.Memory
{
    // Puts the kernel heap under every managed allocation. CoreLib's ObjectAllocator asks AllocateFromHeap first and
    // falls back on its early heap when that gives null: before the kernel heap is up, and during a collection. The
    // early heap's extent is read through its private fields, because its objects (the statics among them) are roots.
    [Plug("Internal.Runtime.ObjectAllocator, System.Private.CoreLib")]
    static unsafe class ObjectAllocatorPlug
    {
        public static byte* AllocateFromHeap(nuint size) => KernelHeap.Allocate(size);

        [PlugField("s_start")]
        internal static extern ref byte* EarlyHeapStart();

        [PlugField("s_next")]
        internal static extern ref byte* EarlyHeapNext();
    }
}
