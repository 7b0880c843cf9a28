using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Memory
{
    // The kernel's garbage-collected heap: a CollectedHeap over the heap area (twice the size of RAM, so that large
    // objects find room), backed by page frames. Once Initialize has run, every managed allocation lands here
    // (Memory/ObjectAllocatorPlug). A collection runs when the allocation budget is spent (its floor is a sixteenth of
    // RAM), when memory runs out, and on request, with interrupts off: the other threads stand still.
    // Out of memory even after a collection is a panic. See docs/garbage-collection.md.
    public static unsafe class KernelHeap
    {
        public const ulong AreaBase = 0xFFFF_C000_0000_0000;
        const int MarkStackPages = 16;

        // Plain values only: the allocation path reads them before the runtime has set up the statics blocks.
        static bool s_active;
        static ulong s_lastPauseCycles;
        static ulong s_longestPauseCycles;

        static CollectedHeap s_heap;
        static KernelRoots s_roots;

        public static void Initialize()
        {
            ulong ramPages = PhysicalMemory.Allocator.Statistics.TotalPages;
            int areaPages = (int)((2 * ramPages + 511) & ~511UL);
            var area = new VirtualArea(AreaBase, areaPages, PhysicalMemory.AllocateZeroed(VirtualArea.StorageWords(areaPages) * sizeof(ulong)));
            var markStack = new MarkStack(PhysicalMemory.AllocateZeroed(MarkStackPages * (int)PageTable.PageSize), MarkStackPages * (int)PageTable.PageSize / sizeof(ulong));
            var objects = new ObjectHeap(area, new KernelPageBacking());
            var collector = new GarbageCollector(objects, markStack, new MemoryRange(KernelImage.VirtualStart, KernelImage.VirtualEnd));
            s_heap = new CollectedHeap(objects, collector, new CollectionBudget(ramPages * PageTable.PageSize / 16), &CollectWithRegistersOnStack,
                                       ObjectLayout.MethodTableAddressOf(new object()));
            s_roots = new KernelRoots();
            s_active = true;
        }

        public static HeapStatistics Statistics
            => s_heap == null ? default
               : new HeapStatistics(s_heap.Objects.BytesInUse, s_heap.Objects.CommittedPages, s_heap.Objects.SpanCount,
                                    s_heap.Objects.BytesAllocated, s_heap.Collections, s_lastPauseCycles, s_longestPauseCycles);

        // Zeroed memory for an object, or null to leave it to the early heap (before Initialize, and while collecting).
        // One processor: with interrupts off no other thread can enter the heap (SMP will need a spin lock).
        public static byte* Allocate(nuint size)
        {
            if (!s_active || s_heap.IsCollecting) return null;
            bool interrupts = Cpu.DisableInterruptsSaving();
            byte* memory = s_heap.Allocate(size);
            if (memory == null) OutOfMemory(size);
            Cpu.RestoreInterrupts(interrupts);
            return memory;
        }

        // From now on, collections also scan the stacks of the threads `threads` reports.
        public static void ScanThreadStacks(IThreadStacks threads) => s_roots.Threads = threads;

        // Frees every object nothing refers to any more.
        public static void Collect()
        {
            if (!s_active || s_heap.IsCollecting) return;
            bool interrupts = Cpu.DisableInterruptsSaving();
            s_heap.StartCollection();
            Cpu.RestoreInterrupts(interrupts);
        }

        [RuntimeImport("cosmos_collect_with_registers_on_stack")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void CollectWithRegistersOnStack();

        // Called by Memory/collect.asm with the stack pointer below the saved registers.
        [RuntimeExport("cosmos_collect_garbage")]
        static void CollectFrom(ulong stackPointer)
        {
            ulong start = Cpu.ReadTimestamp();
            s_roots.StackPointer = stackPointer;
            s_heap.Collect(s_roots);
            s_lastPauseCycles = Cpu.ReadTimestamp() - start;
            if (s_lastPauseCycles > s_longestPauseCycles) s_longestPauseCycles = s_lastPauseCycles;
        }

        static void OutOfMemory(nuint size)
        {
            s_active = false;                       // the report's strings come from the early heap
            Panic.Halt("out of memory: no room for an object of " + size.ToString() + " bytes after a collection; "
                       + Statistics.ToString() + "; physical " + PhysicalMemory.Allocator.Statistics.ToString());
        }
    }
}
