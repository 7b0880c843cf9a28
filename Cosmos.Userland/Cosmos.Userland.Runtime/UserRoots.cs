using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Userland.Runtime
{
    // The roots of a user collection: the stack, from the stack pointer collect.asm hands over (the callee-saved
    // registers pushed there) up to the start block, scanned conservatively; and the early heap's objects, the statics
    // among them, scanned precisely.
    sealed unsafe class UserRoots : IRoots
    {
        readonly ulong _stackTop;

        public UserRoots(ulong stackTop) => _stackTop = stackTop;

        public ulong StackPointer;

        public void Report(GarbageCollector collector)
        {
            collector.ScanConservatively(new MemoryRange(StackPointer, _stackTop));
            collector.ScanObjects(new MemoryRange((ulong)ObjectAllocatorPlug.EarlyHeapStart(), (ulong)ObjectAllocatorPlug.EarlyHeapNext()));
        }
    }
}
