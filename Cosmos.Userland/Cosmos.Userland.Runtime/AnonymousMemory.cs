using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Userland.Runtime
{
    // Backs the user heap's pages with anonymous private memory from mmap, at exactly the addresses the heap chose
    // (MAP_FIXED_NOREPLACE: never over an existing mapping), and gives them back with munmap.
    sealed unsafe class AnonymousMemory : IHeapMemory
    {
        const ulong PageSize = 4096;

        public bool Commit(ulong address, int pageCount)
        {
            ulong length = (ulong)pageCount * PageSize;
            long result = SystemCalls.Mmap((void*)address, length, SystemCalls.ProtectionRead | SystemCalls.ProtectionWrite,
                                           SystemCalls.MapPrivate | SystemCalls.MapAnonymous | SystemCalls.MapFixedNoReplace, -1, 0);
            if (result == (long)address) return true;
            // A kernel without MAP_FIXED_NOREPLACE takes the address as a mere hint and may map elsewhere.
            if (result >= 0) SystemCalls.Munmap((void*)result, length);
            return false;
        }

        public void Decommit(ulong address, int pageCount) => SystemCalls.Munmap((void*)address, (ulong)pageCount * PageSize);

        // Zeroed memory anywhere the kernel places it, for the heap's own bookkeeping; null when memory ran out.
        public static ulong* Allocate(ulong bytes)
        {
            long result = SystemCalls.Mmap(null, (bytes + PageSize - 1) & ~(PageSize - 1), SystemCalls.ProtectionRead | SystemCalls.ProtectionWrite,
                                           SystemCalls.MapPrivate | SystemCalls.MapAnonymous, -1, 0);
            return result < 0 ? null : (ulong*)result;
        }
    }
}
