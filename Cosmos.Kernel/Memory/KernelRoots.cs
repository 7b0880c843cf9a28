using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Memory
{
    // The roots of a kernel collection: the stack it runs on, from the stack pointer collect.asm hands over (the
    // callee-saved registers pushed there); the stacks of the threads that are not running; and the early heap's
    // objects, the statics among them.
    sealed unsafe class KernelRoots : IRoots
    {
        public ulong StackPointer;
        public IThreadStacks Threads;

        public void Report(GarbageCollector collector)
        {
            if (!KernelStacks.TryFind(StackPointer, out _, out ulong stackTop))
                Panic.Halt("garbage collection on an unknown stack at 0x" + StackPointer.ToString("x"));
            collector.ScanConservatively(new MemoryRange(StackPointer, stackTop));
            Threads?.ReportSuspended(collector);
            collector.ScanObjects(new MemoryRange((ulong)ObjectAllocatorPlug.EarlyHeapStart(), (ulong)ObjectAllocatorPlug.EarlyHeapNext()));
        }
    }
}
