using System;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Memory
{
    // User memory's frames: the shared page-frame allocator's (PhysicalMemory.Frames), read and written through the
    // direct map.
    public sealed unsafe class KernelFrames : IPhysicalFrames
    {
        public static readonly KernelFrames Instance = new KernelFrames();

        KernelFrames()
        {
        }

        public ulong AllocateZeroed()
        {
            ulong frame = PhysicalMemory.Frames.AllocatePage();
            if (frame != 0) Bytes(frame).Clear();
            return frame;
        }

        public void Free(ulong frame) => PhysicalMemory.Frames.FreePage(frame);

        public Span<byte> Bytes(ulong frame) => new Span<byte>(DirectMap.ToVirtual(frame), (int)PageTable.PageSize);
    }
}
