using System;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Memory
{
    // The kernel's garbage-collected heap: a CollectedHeap over the heap area (twice the size of RAM, so that large
    // objects find room), backed by page frames. Once Initialize has run, every managed allocation lands here
    // (Memory/ObjectAllocatorPlug), under one InterruptSpinLock. A collection runs when the allocation budget is spent
    // (its floor is a sixteenth of RAM), when memory runs out, and on request, holding that lock with interrupts off
    // and the other processors stopped (WorldStop): every other thread stands still. A processor waiting for the lock
    // answers a stop meanwhile, so it must hold no other InterruptSpinLock: nothing allocates under one.
    // Out of memory even after a collection is a panic. See docs/garbage-collection.md.
    public static unsafe class KernelHeap
    {
        public const ulong AreaBase = 0xFFFF_C000_0000_0000;
        const int MarkStackPages = 16;

        // Plain values only: the allocation path reads them before the runtime has set up the statics blocks.
        static bool s_active;
        static InterruptSpinLock s_lock;
        static ulong s_lockHolder;          // the holding processor's PerCpuRecord, 0 when free
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
            s_heap = new CollectedHeap(objects, collector, new CollectionBudget(ramPages * PageTable.PageSize / 16), &StartCollection,
                                       ObjectLayout.MethodTableAddressOf(new object()));
            s_roots = new KernelRoots();
            s_active = true;
        }

        public static HeapStatistics Statistics
            => s_heap == null ? default
               : new HeapStatistics(s_heap.Objects.BytesInUse, s_heap.Objects.CommittedPages, s_heap.Objects.SpanCount,
                                    s_heap.Objects.BytesAllocated, s_heap.Collections, s_lastPauseCycles, s_longestPauseCycles);

        // Zeroed memory for an object, or null to leave it to the early heap: before Initialize, while collecting (only
        // the collecting processor runs then), and when this processor is inside the heap already (only a fault there,
        // and the panic it makes, allocate in the middle of an allocation).
        public static byte* Allocate(nuint size)
        {
            if (!s_active || s_heap.IsCollecting || HeldHere) return null;
            Lock();
            byte* memory = s_heap.Allocate(size);
            if (memory == null) OutOfMemory(size);
            Unlock();
            return memory;
        }

        // From now on, collections also scan the stacks of the threads `threads` reports.
        public static void ScanThreadStacks(IThreadStacks threads) => s_roots.Threads = threads;

        // Frees every object nothing refers to any more.
        public static void Collect()
        {
            if (!s_active || s_heap.IsCollecting || HeldHere) return;
            Lock();
            s_heap.StartCollection();
            Unlock();
        }

        // Spins with the caller's interrupt state between attempts and answers a stop meanwhile: the holder may be
        // collecting, and waits for this processor to stand still.
        static void Lock()
        {
            while (!s_lock.TryAcquire())
            {
                while (s_lock.IsHeld) TlbShootdown.ServeWhileWaiting();
            }
            s_lockHolder = (ulong)PerCpu.Current;
        }

        static void Unlock()
        {
            s_lockHolder = 0;
            s_lock.Release();
        }

        static bool HeldHere => s_lockHolder != 0 && s_lockHolder == (ulong)PerCpu.Current;

        // The heap's lock held: the collection runs with the registers on the stack, where the scan finds them.
        static void StartCollection() => Cpu.CallWithRegistersOnStack(&CollectFrom);

        static void CollectFrom(ulong stackPointer)
        {
            ulong start = Cpu.ReadTimestamp();
            WorldStop.StopOthers();
            s_roots.StackPointer = stackPointer;
            s_heap.Collect(s_roots);
            WorldStop.ResumeOthers();
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
