using System.Threading;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tests.Tasking;
using Thread = Cosmos.Kernel.Tasking.Thread;

namespace Cosmos.Kernel.Tests.Arch
{
    // A kernel page one processor remaps is read anew on every other: their TLBs, which held the old translation,
    // were flushed (TlbShootdown). Without the flush they would go on reading the old frame, which still holds its
    // old value (it is freed, not cleared, and the new frame is taken before it is freed, so it is not reused).
    static unsafe class TlbShootdownTests
    {
        const ulong ScratchAddress = 0xFFFF_FF00_0000_0000;     // the paging tests' page (docs/memory-layout.md)
        const ulong OldValue = 1, NewValue = 2;
        const int Reading = 0, Pausing = 1, Remapped = 2;

        [KernelTest]
        internal static void AKernelPageRemappedOnOneProcessorIsReadAnewOnEveryOther()
        {
            OnProcessor.Run(0, RemapWhileOthersRead);
        }

        static void RemapWhileOthersRead()
        {
            int others = PerCpu.RunningCount - 1;
            LockedPageFrames frames = PhysicalMemory.Frames;
            ulong oldFrame = frames.AllocatePage(), newFrame = frames.AllocatePage();
            *(ulong*)DirectMap.ToVirtual(oldFrame) = OldValue;
            *(ulong*)DirectMap.ToVirtual(newFrame) = NewValue;
            KernelAddressSpace.Map(ScratchAddress, oldFrame, PageAttributes.Writable);

            int phase = Reading, reading = 0, pausing = 0;
            var seen = new ulong[others];
            var readers = new Thread[others];
            for (int i = 0; i < others; i++)
            {
                int reader = i;
                readers[i] = Thread.Start("reader", () =>
                {
                    Interlocked.Increment(ref reading);
                    while (Volatile.Read(ref phase) == Reading) Volatile.Read(ref *(ulong*)ScratchAddress);
                    Interlocked.Increment(ref pausing);
                    while (Volatile.Read(ref phase) == Pausing) { }
                    seen[reader] = Volatile.Read(ref *(ulong*)ScratchAddress);
                }, pinnedTo: (int)PerCpu.Running(i + 1)->Index);
            }
            Yielding.Until(() => Volatile.Read(ref reading) == others);
            Volatile.Write(ref phase, Pausing);
            Yielding.Until(() => Volatile.Read(ref pausing) == others);
            KernelAddressSpace.UnmapAndFree(ScratchAddress, 1);
            KernelAddressSpace.Map(ScratchAddress, newFrame, PageAttributes.Writable);
            Volatile.Write(ref phase, Remapped);
            foreach (Thread reader in readers) reader.Join();
            KernelAddressSpace.UnmapAndFree(ScratchAddress, 1);

            for (int i = 0; i < others; i++)
                Assert.Equal(NewValue, seen[i], "what CPU " + PerCpu.Running(i + 1)->Index.ToString() + " read after the remap");
        }
    }
}
