using System.Threading;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;

namespace Cosmos.Kernel.Memory
{
    // The threads' kernel stacks, 64 KiB each: runs of pages in an area of their own (4 GiB of addresses at AreaBase),
    // each with an unmapped guard page below it, so that an overflow faults (and is reported) instead of running into
    // whatever lies beneath. Registered with Boot/KernelStacks, so that stack traces and the collector know them. The
    // area's bitmap is shared by every processor, under an InterruptSpinLock; a stack's pages are mapped and unmapped
    // outside it (the kernel's page tables have their own).
    public sealed unsafe class KernelStackArea : IStackArea
    {
        public const ulong AreaBase = 0xFFFF_C080_0000_0000;
        public const int StackPages = 16;
        const int AreaPages = 1 << 20;
        const ulong PageSize = PageTable.PageSize;
        const ulong RunBytes = (StackPages + 1) * PageSize;

        readonly VirtualArea _area;
        readonly KernelPageBacking _backing = new KernelPageBacking();
        InterruptSpinLock _lock;
        int _inUse;

        // bitmapStorage: StorageWords zeroed words.
        public KernelStackArea(ulong* bitmapStorage)
        {
            _area = new VirtualArea(AreaBase, AreaPages, bitmapStorage);
        }

        public static int StorageWords => VirtualArea.StorageWords(AreaPages);

        // A new stack's top (it grows down from there), or 0 when there is no memory for it.
        public ulong Allocate()
        {
            _lock.Acquire();
            ulong guard = _area.Reserve(StackPages + 1);
            _lock.Release();
            if (guard == 0) return 0;
            if (!_backing.Commit(guard + PageSize, StackPages))
            {
                Release(guard);
                return 0;
            }
            Interlocked.Increment(ref _inUse);
            return guard + RunBytes;
        }

        public void Free(ulong top)
        {
            ulong guard = top - RunBytes;
            _backing.Decommit(guard + PageSize, StackPages);
            Release(guard);
            Interlocked.Decrement(ref _inUse);
        }

        // How many stacks are allocated and not yet freed.
        public int StacksInUse => Volatile.Read(ref _inUse);

        public bool TryFind(ulong address, out ulong bottom, out ulong top)
        {
            _lock.Acquire();
            ulong guard = _area.RunAtOrBelow(address);
            _lock.Release();
            bottom = guard + PageSize;
            top = guard + RunBytes;
            return guard != 0 && address < top;
        }

        void Release(ulong guard)
        {
            _lock.Acquire();
            _area.Release(guard, StackPages + 1);
            _lock.Release();
        }
    }
}
