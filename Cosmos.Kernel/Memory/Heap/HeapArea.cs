namespace Cosmos.Kernel.Memory.Heap
{
    // The heap's range of virtual addresses, handed out in runs of pages (spans), lowest first. Two bitmaps over its
    // pages say which are free and which begin a span, so the span holding any address is found by looking back from
    // it for the nearest span start: how the collector resolves a pointer into the middle of an object.
    public sealed unsafe class HeapArea
    {
        public const ulong PageSize = 4096;

        readonly PageBitmap _free;
        readonly PageBitmap _spanStarts;

        // storage: StorageWords(pageCount) zeroed words for the bitmaps.
        public HeapArea(ulong baseAddress, int pageCount, ulong* storage)
        {
            BaseAddress = baseAddress;
            PageCount = pageCount;
            _free = new PageBitmap(storage, pageCount);
            _spanStarts = new PageBitmap(storage + PageBitmap.StorageWords(pageCount), pageCount);
            for (int page = 0; page < pageCount; page++) _free.Set(page);
        }

        public static int StorageWords(int pageCount) => 2 * PageBitmap.StorageWords(pageCount);

        public ulong BaseAddress { get; }
        public int PageCount { get; }
        public ulong EndAddress => BaseAddress + (ulong)PageCount * PageSize;

        public bool Contains(ulong address) => address >= BaseAddress && address < EndAddress;

        // The address of `pageCount` free pages, now a span; 0 when no run that long is free.
        public ulong Reserve(int pageCount)
        {
            int first = _free.FindRun(pageCount, 1, 0);
            if (first < 0) return 0;
            for (int page = first; page < first + pageCount; page++) _free.Clear(page);
            _spanStarts.Set(first);
            return AddressOf(first);
        }

        public void Release(ulong spanAddress, int pageCount)
        {
            int first = PageOf(spanAddress);
            _spanStarts.Clear(first);
            for (int page = first; page < first + pageCount; page++) _free.Set(page);
        }

        // The start of the nearest span at or below the address (0 when there is none): the span holding the address,
        // if the address lies within that span's length.
        public ulong SpanAtOrBelow(ulong address)
        {
            if (!Contains(address)) return 0;
            int start = _spanStarts.FindPrevious(PageOf(address));
            return start < 0 ? 0 : AddressOf(start);
        }

        int PageOf(ulong address) => (int)((address - BaseAddress) / PageSize);

        ulong AddressOf(int page) => BaseAddress + (ulong)page * PageSize;
    }
}
