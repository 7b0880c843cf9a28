namespace Cosmos.Kernel.Memory.Heap
{
    // The slot sizes small objects are rounded up to: 24 bytes (the smallest object) to 128 in steps of 16, then four
    // per doubling up to 8 KiB, so a slot is at most 25% larger than its object. Each class's spans are 1 to 16 pages,
    // the shortest that wastes no more than an eighth of the span. A size maps to its class through a table indexed by
    // size / 8.
    internal sealed class SizeClasses
    {
        public const int MaxSize = 8192;
        const int MaxSpanPages = 16;

        readonly int[] _slotSizes;
        readonly int[] _spanPages;
        readonly byte[] _classOfSize = new byte[MaxSize / 8 + 1];

        public SizeClasses()
        {
            _slotSizes = new int[32];
            int count = 0;
            _slotSizes[count++] = 24;
            for (int size = 32; size <= 128; size += 16) _slotSizes[count++] = size;
            for (int power = 128; power < MaxSize; power *= 2)
                for (int step = 5; step <= 8; step++) _slotSizes[count++] = power * step / 4;
            _spanPages = new int[count];
            for (int i = 0; i < count; i++) _spanPages[i] = SpanPagesFor(_slotSizes[i]);
            int sizeClass = 0;
            for (int eighths = 0; eighths < _classOfSize.Length; eighths++)
            {
                while (_slotSizes[sizeClass] < eighths * 8) sizeClass++;
                _classOfSize[eighths] = (byte)sizeClass;
            }
        }

        public int Count => _slotSizes.Length;

        // The class of an object of `size` bytes (1 to MaxSize).
        public int ClassOf(nuint size) => _classOfSize[(int)((size + 7) >> 3)];

        public int SlotSize(int sizeClass) => _slotSizes[sizeClass];

        public int SpanPages(int sizeClass) => _spanPages[sizeClass];

        static int SpanPagesFor(int slotSize)
        {
            for (int pages = 1; pages < MaxSpanPages; pages *= 2)
            {
                int bytes = pages * (int)VirtualArea.PageSize;
                int slots = (bytes - Span.HeaderSize) / slotSize;
                if (slots > 0 && (bytes - slots * slotSize) * 8 <= bytes) return pages;
            }
            return MaxSpanPages;
        }
    }
}
