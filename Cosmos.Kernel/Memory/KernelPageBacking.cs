using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Memory
{
    // Backs kernel virtual pages (the heap's spans, the threads' stacks) with zeroed page frames, mapped read-write and
    // non-executable; the frames go back to the page-frame allocator, and emptied page tables with them, on Decommit.
    sealed unsafe class KernelPageBacking : IHeapMemory
    {
        const ulong PageSize = PageTable.PageSize;

        public bool Commit(ulong address, int pageCount)
        {
            LockedPageFrames frames = PhysicalMemory.Frames;
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

        public void Decommit(ulong address, int pageCount) => KernelAddressSpace.UnmapAndFree(address, pageCount);
    }
}
