using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Memory
{
    // Backs the kernel heap's addresses with page frames, mapped read-write and non-executable; frames go back to the
    // page-frame allocator (and emptied page tables with them) when the heap gives a span back.
    sealed unsafe class KernelHeapMemory : IHeapMemory
    {
        const ulong PageSize = PageTable.PageSize;

        public bool Commit(ulong address, int pageCount)
        {
            PageFrameAllocator frames = PhysicalMemory.Allocator;
            for (int i = 0; i < pageCount; i++)
            {
                ulong page = address + (ulong)i * PageSize;
                ulong frame = frames.AllocatePage();
                if (frame == 0 || !KernelAddressSpace.Map(page, frame, PageAttributes.Writable))
                {
                    if (frame != 0) frames.FreePage(frame);
                    Decommit(address, i);
                    return false;
                }
                for (int word = 0; word < (int)(PageSize / sizeof(ulong)); word++) ((ulong*)page)[word] = 0;
            }
            return true;
        }

        public void Decommit(ulong address, int pageCount)
        {
            for (int i = 0; i < pageCount; i++)
                PhysicalMemory.Allocator.FreePage(KernelAddressSpace.Unmap(address + (ulong)i * PageSize));
        }
    }
}
