using System;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Memory
{
    // User memory's frames: the page-frame allocator's (called with interrupts off, its lock on one processor), read
    // and written through the direct map.
    public sealed unsafe class KernelFrames : IPhysicalFrames
    {
        public static readonly KernelFrames Instance = new KernelFrames();

        KernelFrames()
        {
        }

        public ulong AllocateZeroed()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            ulong frame = PhysicalMemory.Allocator.AllocatePage();
            Cpu.RestoreInterrupts(interrupts);
            if (frame != 0) Bytes(frame).Clear();
            return frame;
        }

        public void Free(ulong frame)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            PhysicalMemory.Allocator.FreePage(frame);
            Cpu.RestoreInterrupts(interrupts);
        }

        public Span<byte> Bytes(ulong frame) => new Span<byte>(DirectMap.ToVirtual(frame), (int)PageTable.PageSize);
    }
}
