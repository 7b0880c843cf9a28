namespace Cosmos.Kernel.Memory.Heap
{
    // The objects marked but not yet scanned, in fixed storage: a collection must not allocate, and it often runs
    // because memory is short. When the stack is full, a push is dropped and Overflowed set; the collector then finds
    // the dropped objects again by rescanning every marked object.
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

        public void Push(byte* obj)
        {
            if (_count == _capacity) Overflowed = true;
            else _items[_count++] = (ulong)obj;
        }

        public bool TryPop(out byte* obj)
        {
            obj = _count == 0 ? null : (byte*)_items[--_count];
            return obj != null;
        }
    }
}
