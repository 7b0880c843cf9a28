using Cosmos.Kernel.Boot;

namespace Cosmos.Kernel.Memory
{
    // The threads' kernel stacks, 64 KiB each: runs of pages in an area of their own (4 GiB of addresses at AreaBase),
    // each with an unmapped guard page below it, so that an overflow faults (and is reported) instead of running into
    // whatever lies beneath. Registered with Boot/KernelStacks, so that stack traces and the collector know them.
    public sealed unsafe class KernelStackArea : IStackArea
    {
        public const ulong AreaBase = 0xFFFF_C080_0000_0000;
        public const int StackPages = 16;
        const int AreaPages = 1 << 20;
        const ulong PageSize = PageTable.PageSize;
        const ulong RunBytes = (StackPages + 1) * PageSize;

        readonly VirtualArea _area;
        readonly KernelPageBacking _backing = new KernelPageBacking();

        // bitmapStorage: StorageWords zeroed words.
        public KernelStackArea(ulong* bitmapStorage)
        {
            _area = new VirtualArea(AreaBase, AreaPages, bitmapStorage);
        }

        public static int StorageWords => VirtualArea.StorageWords(AreaPages);

        // A new stack's top (it grows down from there), or 0 when there is no memory for it.
        public ulong Allocate()
        {
            ulong guard = _area.Reserve(StackPages + 1);
            if (guard == 0) return 0;
            if (!_backing.Commit(guard + PageSize, StackPages))
            {
                _area.Release(guard, StackPages + 1);
                return 0;
            }
            return guard + RunBytes;
        }

        public void Free(ulong top)
        {
            ulong guard = top - RunBytes;
            _backing.Decommit(guard + PageSize, StackPages);
            _area.Release(guard, StackPages + 1);
        }

        public bool TryFind(ulong address, out ulong bottom, out ulong top)
        {
            ulong guard = _area.RunAtOrBelow(address);
            bottom = guard + PageSize;
            top = guard + RunBytes;
            return guard != 0 && address < top;
        }
    }
}
