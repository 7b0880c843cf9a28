namespace Cosmos.Kernel.Memory.Heap
{
    // What backs the heap's address range with memory: page frames mapped in the kernel address space
    // (Memory/KernelPageBacking), or host memory in the tests.
    public interface IHeapMemory
    {
        // Backs the pages [address, address + pageCount pages) with zeroed, writable memory. Returns false, having
        // backed none of them, when memory ran out.
        bool Commit(ulong address, int pageCount);

        // Gives back the memory behind pages Commit backed.
        void Decommit(ulong address, int pageCount);
    }
}
