namespace Cosmos.Kernel.Memory.Heap
{
    // An ObjectHeap under the collection policy the kernel's heap and every program's heap share: allocations spend a
    // budget (CollectionBudget); a spent budget, or a heap with no room, starts a collection, and then the allocation
    // is tried once more. The owner says how a collection starts, because it must begin in assembly with the
    // callee-saved registers pushed where the conservative stack scan finds them (collect.asm), and from there calls
    // Collect with its roots. Not thread-safe: the owner keeps other threads out.
    //
    // CoreLib writes a new object's MethodTable only after the owner's allocation has returned, when other threads may
    // run again: meanwhile a collection would take the slot (type 0) for free and hand it out a second time. So every
    // slot leaves here with a provisional type (one with no references: `object`'s), which the real one replaces.
    public sealed unsafe class CollectedHeap
    {
        readonly ObjectHeap _heap;
        readonly GarbageCollector _collector;
        readonly CollectionBudget _budget;
        readonly delegate*<void> _startCollection;
        readonly ulong _provisionalType;

        // provisionalType: the MethodTable a slot holds until CoreLib writes the object's own (a type without references).
        public CollectedHeap(ObjectHeap heap, GarbageCollector collector, CollectionBudget budget, delegate*<void> startCollection,
                             ulong provisionalType)
        {
            _provisionalType = provisionalType;
            _heap = heap;
            _collector = collector;
            _budget = budget;
            _startCollection = startCollection;
        }

        public ObjectHeap Objects => _heap;

        public ulong Collections => _collector.Collections;

        // Whether a collection is running: allocations meanwhile must go elsewhere (the early heap).
        public bool IsCollecting { get; private set; }

        // Zeroed memory for an object of `size` bytes; null when even a collection left no room.
        public byte* Allocate(nuint size)
        {
            if (_budget.IsSpent) StartCollection();
            byte* memory = _heap.Allocate(size);
            if (memory == null)
            {
                StartCollection();
                memory = _heap.Allocate(size);
            }
            if (memory == null) return null;
            _budget.Allocated(size);
            *(ulong*)ObjectLayout.ObjectAt(memory) = _provisionalType;
            return memory;
        }

        // Frees every object nothing refers to any more.
        public void StartCollection() => _startCollection();

        // The collection itself, from the roots the owner reports: what its start routine calls once the registers are
        // on the stack.
        public void Collect(IRoots roots)
        {
            IsCollecting = true;
            _collector.Collect(roots);
            _budget.Collected(_heap.BytesInUse);
            IsCollecting = false;
        }
    }
}
