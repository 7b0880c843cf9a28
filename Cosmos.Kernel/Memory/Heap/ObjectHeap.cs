namespace Cosmos.Kernel.Memory.Heap
{
    // Memory for objects: small ones in the slots of spans of their size class, each large one (over 8 KiB) in a span
    // of its own, all inside the heap area and backed page by page as spans come and go. Allocation takes a free slot
    // from the first span of the class that has one. The collector marks reachable objects (ObjectLayout.MarkBit in
    // the header word) and then this heap sweeps: unmarked objects' slots become free, and a span left with no object
    // is given back whole, its pages to whoever backs them (in the kernel, the page-frame allocator).
    // Hardware-free: the host tests run it over host memory. See docs/garbage-collection.md.
    public sealed unsafe class ObjectHeap
    {
        readonly VirtualArea _area;
        readonly IHeapMemory _memory;
        readonly SizeClasses _classes = new SizeClasses();
        readonly ulong[] _available;            // per size class: the first span with a free slot (a Span*)
        Span* _spans;                           // every span

        public ObjectHeap(VirtualArea area, IHeapMemory memory)
        {
            _area = area;
            _memory = memory;
            _available = new ulong[_classes.Count];
        }

        public ulong CommittedPages { get; private set; }
        public ulong SpanCount { get; private set; }

        // Bytes of slots holding objects after the last sweep, plus everything allocated since.
        public ulong BytesInUse { get; private set; }

        public ulong BytesAllocated { get; private set; }

        // Zeroed memory for an object of `size` bytes (header word included), 8-byte aligned; null when the heap area
        // or the memory behind it ran out (the caller may collect and try again).
        public byte* Allocate(nuint size)
        {
            size = (size + 7) & ~(nuint)7;
            byte* slot = size > SizeClasses.MaxSize ? AllocateLarge(size) : AllocateSmall(size);
            if (slot == null) return null;
            BytesAllocated += size;
            return slot;
        }

        byte* AllocateSmall(nuint size)
        {
            int sizeClass = _classes.ClassOf(size);
            Span* span = (Span*)_available[sizeClass];
            if (span == null && (span = NewSmallSpan(sizeClass)) == null) return null;
            byte* slot = span->FreeSlots;
            span->FreeSlots = *(byte**)slot;
            if (--span->FreeCount == 0) _available[sizeClass] = (ulong)span->NextAvailable;
            // The header word held the free-list link and the rest may hold a dead object's bytes.
            for (nuint i = 0; i < size / 8; i++) ((ulong*)slot)[i] = 0;
            BytesInUse += span->SlotSize;
            return slot;
        }

        byte* AllocateLarge(nuint size)
        {
            ulong pages = ((ulong)size + Span.HeaderSize + VirtualArea.PageSize - 1) / VirtualArea.PageSize;
            if (pages > int.MaxValue) return null;
            Span* span = NewSpan((int)pages);
            if (span == null) return null;
            span->SizeClass = Span.LargeObject;
            span->SlotSize = size;
            span->SlotCount = 1;
            BytesInUse += size;
            return Span.FirstSlot(span);            // freshly backed memory is zero
        }

        Span* NewSmallSpan(int sizeClass)
        {
            Span* span = NewSpan(_classes.SpanPages(sizeClass));
            if (span == null) return null;
            span->SizeClass = sizeClass;
            span->SlotSize = (ulong)_classes.SlotSize(sizeClass);
            span->SlotCount = (int)(((ulong)span->PageCount * VirtualArea.PageSize - Span.HeaderSize) / span->SlotSize);
            ThreadFreeSlots(span);
            return span;
        }

        Span* NewSpan(int pageCount)
        {
            ulong address = _area.Reserve(pageCount);
            if (address == 0) return null;
            if (!_memory.Commit(address, pageCount))
            {
                _area.Release(address, pageCount);
                return null;
            }
            var span = (Span*)address;
            span->PageCount = pageCount;
            span->Next = _spans;
            if (_spans != null) _spans->Previous = span;
            _spans = span;
            CommittedPages += (ulong)pageCount;
            SpanCount++;
            return span;
        }

        void ReleaseSpan(Span* span)
        {
            if (span->Previous != null) span->Previous->Next = span->Next;
            else _spans = span->Next;
            if (span->Next != null) span->Next->Previous = span->Previous;
            int pages = span->PageCount;
            _memory.Decommit((ulong)span, pages);
            _area.Release((ulong)span, pages);
            CommittedPages -= (ulong)pages;
            SpanCount--;
        }

        // Threads every slot of a new span onto its free list, lowest first.
        void ThreadFreeSlots(Span* span)
        {
            byte* free = null;
            for (int index = span->SlotCount - 1; index >= 0; index--)
            {
                byte* slot = Span.Slot(span, index);
                *(byte**)slot = free;
                free = slot;
            }
            SetFreeSlots(span, free, span->SlotCount);
        }

        // Gives a small span its free list and, if it has free slots, makes it available to its class.
        void SetFreeSlots(Span* span, byte* free, int count)
        {
            span->FreeSlots = free;
            span->FreeCount = count;
            if (count > 0 && span->SizeClass != Span.LargeObject)
            {
                span->NextAvailable = (Span*)_available[span->SizeClass];
                _available[span->SizeClass] = (ulong)span;
            }
        }

        public bool Contains(ulong address) => _area.Contains(address);

        // The object whose slot holds the address (anywhere in it, header included), if the slot holds one: how a
        // possible pointer found on a stack is resolved.
        public bool TryFindObject(ulong address, out byte* obj)
        {
            obj = null;
            var span = (Span*)_area.RunAtOrBelow(address);
            if (span == null || address >= (ulong)span + (ulong)span->PageCount * VirtualArea.PageSize) return false;
            byte* first = Span.FirstSlot(span);
            if (address < (ulong)first) return false;
            ulong index = (address - (ulong)first) / span->SlotSize;
            if (index >= (ulong)span->SlotCount) return false;
            byte* candidate = ObjectLayout.ObjectAt(first + index * span->SlotSize);
            if (*(ulong*)candidate == 0) return false;
            obj = candidate;
            return true;
        }

        // Whether the address is exactly an object of this heap.
        public bool IsObject(ulong address) => TryFindObject(address, out byte* obj) && (ulong)obj == address;

        // Every object on the heap, for rescanning marked objects when the mark stack overflowed.
        public AllObjects Objects => new AllObjects(_spans);

        // Frees every unmarked object and clears the marks; gives back spans left empty. One pass over each span's
        // slots, from the top, so its rebuilt free list runs lowest first.
        public void Sweep()
        {
            for (int i = 0; i < _available.Length; i++) _available[i] = 0;
            BytesInUse = 0;
            Span* span = _spans;
            while (span != null)
            {
                Span* next = span->Next;
                byte* free = null;
                int freeCount = 0;
                for (int index = span->SlotCount - 1; index >= 0; index--)
                {
                    byte* slot = Span.Slot(span, index);
                    ulong* methodTable = (ulong*)ObjectLayout.ObjectAt(slot);
                    if (*methodTable != 0 && (*(ulong*)slot & ObjectLayout.MarkBit) != 0)
                    {
                        *(ulong*)slot &= ~ObjectLayout.MarkBit;
                        continue;
                    }
                    *methodTable = 0;
                    *(byte**)slot = free;
                    free = slot;
                    freeCount++;
                }
                if (freeCount == span->SlotCount) ReleaseSpan(span);
                else
                {
                    BytesInUse += (ulong)(span->SlotCount - freeCount) * span->SlotSize;
                    SetFreeSlots(span, free, freeCount);
                }
                span = next;
            }
        }

        // Iterates the objects of every span: `while (objects.Next(out byte* obj))`.
        public struct AllObjects
        {
            Span* _span;
            int _index;

            internal AllObjects(Span* first)
            {
                _span = first;
                _index = 0;
            }

            public bool Next(out byte* obj)
            {
                for (; _span != null; _span = _span->Next, _index = 0)
                    while (_index < _span->SlotCount)
                    {
                        obj = ObjectLayout.ObjectAt(Span.Slot(_span, _index++));
                        if (*(ulong*)obj != 0) return true;
                    }
                obj = null;
                return false;
            }
        }
    }
}
