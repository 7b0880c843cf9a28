using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Userland.Runtime
{
    // The program's garbage-collected heap: the kernel's CollectedHeap (the same source files) over a 1 GiB area at
    // 0x2000_0000_0000, backed by mmap. Once ProcessStart has initialized it, every managed allocation
    // lands here (ObjectAllocatorPlug). A collection runs when the allocation budget is spent, when the area or memory
    // runs out, and on GC.Collect. A lock keeps the heap to one thread at a time; a collection stops the process's
    // other threads (threads_stop) before it starts, so that its roots (UserRoots) are every thread's stack and
    // registers, and the early heap's objects, and no thread changes them meanwhile. See docs/userland.md.
    public static unsafe class UserHeap
    {
        public const ulong AreaBase = 0x0000_2000_0000_0000;
        const int AreaPages = 1 << 18;
        const int MarkStackPages = 8;
        const ulong BudgetFloor = 4 << 20;

        // A plain value only: the allocation path reads it before the runtime has set up the statics blocks.
        static bool s_active;

        static CollectedHeap s_heap;
        static UserRoots s_roots;
        static HeapLock s_lock;

        // stackTop: the highest stack address a collection scans. types: where the MethodTables lie (the image).
        internal static void Initialize(ulong stackTop, MemoryRange types)
        {
            ulong* areaStorage = AnonymousMemory.Allocate((ulong)VirtualArea.StorageWords(AreaPages) * sizeof(ulong));
            ulong* markStorage = AnonymousMemory.Allocate(MarkStackPages * 4096);
            if (areaStorage == null || markStorage == null) Environment.FailFast("out of memory: no room for the heap's bookkeeping");
            var objects = new ObjectHeap(new VirtualArea(AreaBase, AreaPages, areaStorage), new AnonymousMemory());
            var collector = new GarbageCollector(objects, new MarkStack(markStorage, MarkStackPages * 4096 / sizeof(ulong)), types);
            s_heap = new CollectedHeap(objects, collector, new CollectionBudget(BudgetFloor), &StartCollection,
                                       ObjectLayout.MethodTableAddressOf(new object()));
            s_roots = new UserRoots(stackTop);
            s_lock = new HeapLock();
            s_active = true;
        }

        // Pages of the area backed by memory now.
        public static ulong CommittedPages => s_heap == null ? 0 : s_heap.Objects.CommittedPages;

        // Bytes of live objects after the last collection, plus everything allocated since.
        public static ulong BytesInUse => s_heap == null ? 0 : s_heap.Objects.BytesInUse;

        public static ulong Collections => s_heap == null ? 0 : s_heap.Collections;

        // Zeroed memory for an object, or null to leave it to the early heap (before Initialize, and while collecting).
        // Only the collecting thread can see a collection running: the others are stopped before it starts and go on
        // only after it has ended.
        internal static byte* Allocate(nuint size)
        {
            if (!s_active || s_heap.IsCollecting) return null;
            s_lock.Enter();
            byte* memory = s_heap.Allocate(size);
            s_lock.Exit();
            if (memory == null) OutOfMemory(size);
            return memory;
        }

        // Frees every object nothing refers to any more.
        internal static void Collect()
        {
            if (!s_active || s_heap.IsCollecting) return;
            s_lock.Enter();
            s_heap.StartCollection();
            s_lock.Exit();
        }

        // The heap lock held: the collection runs with the registers on the stack, where the scan finds them.
        static void StartCollection() => CallWithRegistersOnStack(&CollectFrom);

        // Calls `target` with the callee-saved registers pushed and the stack pointer below them (the kernel's
        // registers_on_stack.asm, linked in).
        [RuntimeImport("cosmos_call_with_registers_on_stack")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void CallWithRegistersOnStack(delegate*<ulong, void> target);

        // With the stack pointer below the saved registers, the heap lock held. On Linux (the host tests) there is no
        // threads_stop: one thread, the first.
        static void CollectFrom(ulong stackPointer)
        {
            ulong ownStackEnd;
            long others = SystemCalls.ThreadsStop(&ownStackEnd);
            if (others >= 0) s_roots.Prepare(stackPointer, ownStackEnd, (int)others);
            else s_roots.PrepareAlone(stackPointer);
            s_heap.Collect(s_roots);
            if (others >= 0) SystemCalls.ThreadsResume();
        }

        static void OutOfMemory(nuint size)
        {
            s_active = false;                       // the message's strings come from the early heap
            Environment.FailFast("out of memory: no room for an object of " + size.ToString() + " bytes after a collection; "
                                 + (s_heap.Objects.CommittedPages * 4096).ToString() + " bytes of heap committed");
        }
    }
}
