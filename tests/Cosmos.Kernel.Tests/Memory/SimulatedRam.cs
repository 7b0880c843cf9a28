using System;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Boot.Multiboot2;
using Cosmos.Kernel.Memory;
using static Cosmos.Kernel.Tests.Memory.Maps;

namespace Cosmos.Kernel.Tests.Memory
{
    // A machine's RAM in a host buffer, owned by the kernel's real page-frame allocator: physical address p is at
    // Window + p. Memory below 1 MiB and a pretend kernel image at [1 MiB, 2 MiB) are reserved, as on a real boot, so
    // every frame handed out lies at or above 2 MiB. The buffer is poisoned, so code that forgets to clear a page
    // it was given reads garbage.
    public sealed unsafe class SimulatedRam : IDisposable
    {
        public const ulong KernelStart = 1 * MiB, KernelEnd = 2 * MiB;

        public SimulatedRam(ulong size)
        {
            Size = size;
            Window = (byte*)NativeMemory.AlignedAlloc((nuint)size, 4096);
            new Span<byte>(Window, (int)size).Fill(0xa5);
            PhysicalMemoryPlan plan = PhysicalMemoryPlan.Create(new[] { Available(0, size) }, KernelStart, KernelEnd, Array.Empty<BootModule>(), size);
            Allocator = new PageFrameAllocator(plan, (ulong*)(Window + plan.Bookkeeping.StartAddress));
        }

        public ulong Size { get; }
        public byte* Window { get; }
        public PageFrameAllocator Allocator { get; }
        public ulong FreePages => Allocator.Statistics.FreePages;

        public ulong Read(ulong physicalAddress) => *(ulong*)(Window + physicalAddress);

        // Takes every free page, so that the next allocation fails; returns them for GiveBack.
        public ulong[] Exhaust()
        {
            var taken = new System.Collections.Generic.List<ulong>();
            for (ulong page = Allocator.AllocatePage(); page != 0; page = Allocator.AllocatePage()) taken.Add(page);
            return taken.ToArray();
        }

        public void GiveBack(ulong[] pages)
        {
            foreach (ulong page in pages) Allocator.FreePage(page);
        }

        public void Dispose() => NativeMemory.AlignedFree(Window);
    }
}
