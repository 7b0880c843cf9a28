using System;

namespace Cosmos.Kernel.Memory.Regions
{
    // The page frames user memory is made of: the page-frame allocator and the direct map in the kernel, simulated RAM
    // in the host tests.
    public interface IPhysicalFrames
    {
        // A zero-filled frame, or 0 when memory has run out.
        ulong AllocateZeroed();

        void Free(ulong frame);

        // The frame's 4096 bytes, for the kernel to read and write.
        Span<byte> Bytes(ulong frame);
    }
}
