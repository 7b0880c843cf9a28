using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Memory.Heap
{
    // Mark-sweep collection of an ObjectHeap; objects never move. Marking starts from two kinds of roots:
    //   - memory scanned conservatively (stacks, with the registers pushed onto them): any word that points anywhere
    //     into a heap object's slot keeps that object, since a stack may hold interior pointers and the compiler's
    //     stack maps are not read;
    //   - objects outside the heap, scanned precisely (the early heap, where the statics live): every reference they
    //     hold keeps its target.
    // Marked objects are then scanned precisely through their GC descriptors. A reference held by an object whose
    // target does not start with a MethodTable pointer into the range where types live (the kernel image) means the
    // heap is corrupt (a freed slot's is 0; the middle of an object holds field values), and is reported rather than
    // followed.
    // A heap object is scanned 256 references at a time, its resume point pushed before the targets found, so that a
    // large array of references does not flood the mark stack. When the bounded stack overflows nonetheless, every
    // marked object is scanned again until nothing was left out. The heap then sweeps. See docs/garbage-collection.md.
    public sealed unsafe class GarbageCollector
    {
        const int ReferencesPerStep = 256;

        readonly ObjectHeap _heap;
        readonly MarkStack _stack;
        readonly MemoryRange _types;
        readonly ulong[] _found = new ulong[ReferencesPerStep];     // made once: a collection must not allocate

        // types: where every MethodTable lies.
        public GarbageCollector(ObjectHeap heap, MarkStack stack, MemoryRange types)
        {
            _heap = heap;
            _stack = stack;
            _types = types;
        }

        public ulong Collections { get; private set; }

        // Objects found reachable by the last collection.
        public ulong MarkedObjects { get; private set; }


        // Frees every object the roots do not reach. The roots report themselves through ScanConservatively and
        // ScanObjects; nothing may allocate meanwhile.
        public void Collect(IRoots roots)
        {
            MarkedObjects = 0;
            roots.Report(this);
            Drain();
            while (_stack.Overflowed)
            {
                _stack.Overflowed = false;
                ObjectHeap.AllObjects objects = _heap.Objects;
                while (objects.Next(out byte* obj))
                {
                    if ((*ObjectLayout.HeaderOf(obj) & ObjectLayout.MarkBit) == 0) continue;
                    ScanReferences(obj, null, resumable: true);
                    Drain();
                }
            }
            _heap.Sweep();
            Collections++;
        }

        // A root: memory (a stack, saved registers) where any word pointing into a heap object keeps it.
        public void ScanConservatively(MemoryRange range)
        {
            for (ulong word = (range.Start + 7) & ~7UL; word + 8 <= range.End; word += 8)
                if (_heap.TryFindObject(*(ulong*)word, out byte* obj)) Mark(obj);
        }

        // A root: objects outside the heap laid out back to back (the early heap), whose references keep their targets.
        public void ScanObjects(MemoryRange range)
        {
            for (ulong header = range.Start; header < range.End;)
            {
                byte* obj = ObjectLayout.ObjectAt((byte*)header);
                ScanReferences(obj, null, resumable: false);
                header += ObjectLayout.SizeOf(obj);
            }
        }

        void Mark(byte* obj)
        {
            if (SetMark(obj)) _stack.Push(obj);
        }

        // Marks obj; true when it was not marked yet and has references to scan.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        bool SetMark(byte* obj)
        {
            ulong* header = ObjectLayout.HeaderOf(obj);
            if ((*header & ObjectLayout.MarkBit) != 0) return false;
            *header |= ObjectLayout.MarkBit;
            MarkedObjects++;
            return ObjectLayout.HasReferences(obj);
        }

        void Drain()
        {
            while (_stack.TryPop(out byte* obj, out ulong* resumePoint))
            {
                if (resumePoint != null) _heap.TryFindObject((ulong)resumePoint, out obj);
                ScanReferences(obj, resumePoint, resumable: true);
            }
        }

        // Marks what obj's reference fields (from `from`, or the first) point to, a step of ReferencesPerStep fields at
        // a time. The targets a step found are pushed after the point where the scan resumes, so they are scanned
        // first and the stack grows by one step at most. An object outside the heap (a root) cannot be resumed, and is
        // scanned to its end.
        void ScanReferences(byte* obj, ulong* from, bool resumable)
        {
            var references = new ObjectReferences(obj);
            if (from != null) references.SkipTo(from);
            ulong[] found = _found;
            bool more = references.Next(out ulong* slot);
            while (more)
            {
                int count = 0;
                for (int step = 0; more && step < ReferencesPerStep; step++)
                {
                    byte* target = Target(obj, slot);
                    if (target != null && SetMark(target)) found[count++] = (ulong)target;
                    more = references.Next(out slot);
                }
                if (more && resumable) _stack.PushResumePoint(slot);
                for (int i = 0; i < count; i++) _stack.Push((byte*)found[i]);
                if (resumable) return;
            }
        }

        // The heap object a reference field points to, or null (null, or an object outside the heap).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        byte* Target(byte* obj, ulong* slot)
        {
            ulong target = *slot;
            if (target == 0 || !_heap.Contains(target)) return null;
            ulong methodTable = *(ulong*)target;
            if (methodTable < _types.Start || methodTable >= _types.End) ReportCorruption(obj, slot);
            return (byte*)target;
        }

        static void ReportCorruption(byte* obj, ulong* slot)
            => throw new InvalidOperationException("heap corruption: the object at 0x" + ((ulong)obj).ToString("x") + " holds 0x"
                                                   + (*slot).ToString("x") + " at offset " + ((ulong)slot - (ulong)obj).ToString()
                                                   + ", which is not an object");
    }
}
