namespace Cosmos.Kernel.Memory
{
    // A range of kernel virtual addresses handed out in runs of pages, lowest first: the heap's spans, the threads'
    // stacks. Two bitmaps over its pages say which are free and which begin a run, so the run holding any address is
    // found by looking back from it for the nearest start: how the collector resolves a pointer into the middle of an
    // object.
    public sealed unsafe class VirtualArea
    {
        public const ulong PageSize = 4096;

        readonly PageBitmap _free;
        readonly PageBitmap _runStarts;

        // storage: StorageWords(pageCount) zeroed words for the bitmaps.
        public VirtualArea(ulong baseAddress, int pageCount, ulong* storage)
        {
            BaseAddress = baseAddress;
            PageCount = pageCount;
            _free = new PageBitmap(storage, pageCount);
            _runStarts = new PageBitmap(storage + PageBitmap.StorageWords(pageCount), pageCount);
            for (int page = 0; page < pageCount; page++) _free.Set(page);
        }

        public static int StorageWords(int pageCount) => 2 * PageBitmap.StorageWords(pageCount);

        public ulong BaseAddress { get; }
        public int PageCount { get; }
        public ulong EndAddress => BaseAddress + (ulong)PageCount * PageSize;

        public bool Contains(ulong address) => address >= BaseAddress && address < EndAddress;

        // The address of `pageCount` free pages, now a run; 0 when no run that long is free.
        public ulong Reserve(int pageCount)
        {
            int first = _free.FindRun(pageCount, 1, 0);
            if (first < 0) return 0;
            for (int page = first; page < first + pageCount; page++) _free.Clear(page);
            _runStarts.Set(first);
            return AddressOf(first);
        }

        public void Release(ulong runAddress, int pageCount)
        {
            int first = PageOf(runAddress);
            _runStarts.Clear(first);
            for (int page = first; page < first + pageCount; page++) _free.Set(page);
        }

        // The start of the nearest run at or below the address (0 when there is none): the run holding the address,
        // if the address lies within that run's length.
        public ulong RunAtOrBelow(ulong address)
        {
            if (!Contains(address)) return 0;
            int start = _runStarts.FindPrevious(PageOf(address));
            return start < 0 ? 0 : AddressOf(start);
        }

        int PageOf(ulong address) => (int)((address - BaseAddress) / PageSize);

        ulong AddressOf(int page) => BaseAddress + (ulong)page * PageSize;
    }
}
