using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Userland.Runtime
{
    // The roots of a user collection: the collecting thread's stack, from the stack pointer collect.asm hands over (the
    // callee-saved registers pushed there) up to the end of its stack region; every other thread's registers and its
    // stack from its stack pointer up (the threads are stopped: threads_stop, thread_registers), all scanned
    // conservatively; and the early heap's objects, the statics among them, scanned precisely. The compiler keeps
    // nothing below the stack pointer (no red zone), so nothing lies there.
    sealed unsafe class UserRoots : IRoots
    {
        readonly ulong _firstThreadStackTop;
        ulong _stackPointer, _stackEnd;
        int _otherThreads;

        // firstThreadStackTop: the top of the first thread's stack (its start block), for a process alone.
        public UserRoots(ulong firstThreadStackTop) => _firstThreadStackTop = firstThreadStackTop;

        // Before a collection by a thread whose stack region ends at stackEnd, with `otherThreads` stopped.
        public void Prepare(ulong stackPointer, ulong stackEnd, int otherThreads)
        {
            _stackPointer = stackPointer;
            _stackEnd = stackEnd;
            _otherThreads = otherThreads;
        }

        // Before a collection by the first thread of a process that cannot have others (Linux).
        public void PrepareAlone(ulong stackPointer) => Prepare(stackPointer, _firstThreadStackTop, 0);

        public void Report(GarbageCollector collector)
        {
            collector.ScanConservatively(new MemoryRange(_stackPointer, _stackEnd));
            ThreadRegisters registers;
            for (int index = 0; index < _otherThreads; index++)
            {
                if (SystemCalls.ThreadRegisters(index, &registers) != 0) continue;
                ulong first = (ulong)&registers;
                collector.ScanConservatively(new MemoryRange(first, first + ThreadRegisters.GeneralRegisters * sizeof(ulong)));
                if (registers.StackEnd > registers.Rsp) collector.ScanConservatively(new MemoryRange(registers.Rsp, registers.StackEnd));
            }
            collector.ScanObjects(new MemoryRange((ulong)ObjectAllocatorPlug.EarlyHeapStart(), (ulong)ObjectAllocatorPlug.EarlyHeapNext()));
        }
    }
}
