namespace Cosmos.Kernel.Memory
{
    // Where page tables and kernel mappings get their page frames: the PageFrameAllocator itself (host tests, boot), or
    // the kernel's shared, locked front to it (PhysicalMemory.Frames). Addresses are physical; 0 means none was free.
    public interface IPageFrames
    {
        ulong AllocatePage();

        // A free page wholly below `limit`.
        ulong AllocatePageBelow(ulong limit);

        void FreePage(ulong address);

        void FreeContiguous(ulong address, int pageCount);
    }
}
