using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Memory.Heap
{
    // The objects marked but not yet scanned, and the reference fields where the scans of large objects resume, in
    // fixed storage: a collection must not allocate, and it often runs because memory is short. Both are 8-byte
    // aligned; a resume point is stored with bit 0 set. When the stack is full, a push is dropped and Overflowed set;
    // the collector then finds the dropped work again by rescanning every marked object.
    public sealed unsafe class MarkStack
    {
        readonly ulong* _items;
        readonly int _capacity;
        int _count;

        public MarkStack(ulong* storage, int capacity)
        {
            _items = storage;
            _capacity = capacity;
        }

        public bool Overflowed { get; set; }

        const ulong ResumeTag = 1;

        public void Push(byte* obj) => PushEntry((ulong)obj);

        public void PushResumePoint(ulong* slot) => PushEntry((ulong)slot | ResumeTag);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        void PushEntry(ulong entry)
        {
            if (_count == _capacity) Overflowed = true;
            else _items[_count++] = entry;
        }

        // An object to scan (resumePoint null), or a reference field to resume a scan at (obj null).
        public bool TryPop(out byte* obj, out ulong* resumePoint)
        {
            ulong entry = _count == 0 ? 0 : _items[--_count];
            obj = (entry & ResumeTag) == 0 ? (byte*)entry : null;
            resumePoint = (entry & ResumeTag) != 0 ? (ulong*)(entry & ~ResumeTag) : null;
            return entry != 0;
        }
    }
}
