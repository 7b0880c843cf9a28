using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Memory
{
    // The roots of a kernel collection: the stack it runs on, from the stack pointer it was handed (the callee-saved
    // registers pushed there); the stacks of the other processors, stopped, from where they stand (WorldStop); the
    // stacks of the threads that are not running; and the early heap's objects, the statics among them.
    sealed unsafe class KernelRoots : IRoots
    {
        public ulong StackPointer;
        public IThreadStacks Threads;

        public void Report(GarbageCollector collector)
        {
            ScanStackFrom(collector, StackPointer);
            for (int i = 0; i < PerCpu.RunningCount; i++)
            {
                ulong stoppedAt = WorldStop.StoppedAt(PerCpu.Running(i));
                if (stoppedAt != 0) ScanStackFrom(collector, stoppedAt);
            }
            Threads?.ReportSuspended(collector);
            collector.ScanObjects(new MemoryRange((ulong)ObjectAllocatorPlug.EarlyHeapStart(), (ulong)ObjectAllocatorPlug.EarlyHeapNext()));
        }

        static void ScanStackFrom(GarbageCollector collector, ulong stackPointer)
        {
            if (!KernelStacks.TryFind(stackPointer, out _, out ulong stackTop))
                Panic.Halt("garbage collection: a stack pointer on no known stack, 0x" + stackPointer.ToString("x"));
            collector.ScanConservatively(new MemoryRange(stackPointer, stackTop));
        }
    }
}
