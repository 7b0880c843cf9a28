using Cosmos.Plugs;

namespace Cosmos.Userland.Runtime
{
    // Puts the user heap under every managed allocation, as the kernel's plug of the same name puts the kernel heap.
    // CoreLib's ObjectAllocator falls back on its early heap when this gives null: before the heap is up, and during a
    // collection. The early heap's extent is read through its private fields, because its objects are roots.
    [Plug("Internal.Runtime.ObjectAllocator, System.Private.CoreLib")]
    static unsafe class ObjectAllocatorPlug
    {
        public static byte* AllocateFromHeap(nuint size) => UserHeap.Allocate(size);

        [PlugField("s_start")]
        internal static extern ref byte* EarlyHeapStart();

        [PlugField("s_next")]
        internal static extern ref byte* EarlyHeapNext();
    }
}
