using System;

namespace Cosmos.Kernel.Memory.Heap
{
    // Mark-sweep collection of an ObjectHeap; objects never move. Marking starts from two kinds of roots:
    //   - memory scanned conservatively (stacks, with the registers pushed onto them): any word that points anywhere
    //     into a heap object's slot keeps that object, since a stack may hold interior pointers and the compiler's
    //     stack maps are not read;
    //   - objects outside the heap, scanned precisely (the early heap, where the statics live): every reference they
    //     hold keeps its target.
    // Marked objects are then scanned precisely through their GC descriptors. A reference held by an object that
    // points into the heap but not at an object means the heap is corrupt, and is reported rather than followed.
    // When the bounded mark stack overflows, every marked object is scanned again until none was left out. The heap
    // then sweeps. See docs/garbage-collection.md.
    public sealed unsafe class GarbageCollector
    {
        readonly ObjectHeap _heap;
        readonly MarkStack _stack;

        public GarbageCollector(ObjectHeap heap, MarkStack stack)
        {
            _heap = heap;
            _stack = stack;
        }

        public ulong Collections { get; private set; }

        // Objects found reachable by the last collection.
        public ulong MarkedObjects { get; private set; }

        public void Collect(ReadOnlySpan<MemoryRange> conservativeRoots, ReadOnlySpan<MemoryRange> objectRoots)
        {
            MarkedObjects = 0;
            foreach (MemoryRange range in conservativeRoots)
                for (ulong word = (range.Start + 7) & ~7UL; word + 8 <= range.End; word += 8)
                    if (_heap.TryFindObject(*(ulong*)word, out byte* obj)) Mark(obj);
            foreach (MemoryRange range in objectRoots)
                for (ulong header = range.Start; header < range.End;)
                {
                    byte* obj = ObjectLayout.ObjectAt((byte*)header);
                    ScanReferences(obj);
                    header += ObjectLayout.SizeOf(obj);
                }
            Drain();
            while (_stack.Overflowed)
            {
                _stack.Overflowed = false;
                ObjectHeap.AllObjects objects = _heap.Objects;
                while (objects.Next(out byte* obj))
                {
                    if ((*ObjectLayout.HeaderOf(obj) & ObjectLayout.MarkBit) == 0) continue;
                    ScanReferences(obj);
                    Drain();
                }
            }
            _heap.Sweep();
            Collections++;
        }

        void Mark(byte* obj)
        {
            ulong* header = ObjectLayout.HeaderOf(obj);
            if ((*header & ObjectLayout.MarkBit) != 0) return;
            *header |= ObjectLayout.MarkBit;
            MarkedObjects++;
            _stack.Push(obj);
        }

        void Drain()
        {
            while (_stack.TryPop(out byte* obj)) ScanReferences(obj);
        }

        void ScanReferences(byte* obj)
        {
            var references = new ObjectReferences(obj);
            while (references.Next(out ulong* slot))
            {
                ulong target = *slot;
                if (target == 0 || !_heap.Contains(target)) continue;   // null, or an object outside the heap
                if (!_heap.IsObject(target))
                    throw new InvalidOperationException("heap corruption: the object at 0x" + ((ulong)obj).ToString("x") + " holds 0x"
                                                        + target.ToString("x") + " at offset " + ((ulong)slot - (ulong)obj).ToString()
                                                        + ", which is not an object");
                Mark((byte*)target);
            }
        }
    }
}
