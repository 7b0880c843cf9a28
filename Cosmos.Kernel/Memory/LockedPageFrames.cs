using Cosmos.Kernel.Arch.X64;

namespace Cosmos.Kernel.Memory
{
    // The page-frame allocator as every processor shares it: each call holds one InterruptSpinLock, so calls from
    // different processors (and from a thread and an interrupt on one) take turns. The allocator's own calls are a few
    // word operations, so the lock is held briefly.
    public sealed unsafe class LockedPageFrames : IPageFrames
    {
        readonly PageFrameAllocator _allocator;
        InterruptSpinLock _lock;

        public LockedPageFrames(PageFrameAllocator allocator)
        {
            _allocator = allocator;
        }

        public ulong AllocatePage()
        {
            _lock.Acquire();
            ulong frame = _allocator.AllocatePage();
            _lock.Release();
            return frame;
        }

        public ulong AllocatePageBelow(ulong limit)
        {
            _lock.Acquire();
            ulong frame = _allocator.AllocatePageBelow(limit);
            _lock.Release();
            return frame;
        }

        public ulong AllocateContiguous(int pageCount, ulong alignment, ulong limit)
        {
            _lock.Acquire();
            ulong start = _allocator.AllocateContiguous(pageCount, alignment, limit);
            _lock.Release();
            return start;
        }

        public void FreePage(ulong address) => FreeContiguous(address, 1);

        public void FreeContiguous(ulong address, int pageCount)
        {
            _lock.Acquire();
            _allocator.FreeContiguous(address, pageCount);
            _lock.Release();
        }

        // Holds the allocator still for a caller that must not be interrupted by another processor's allocation (the
        // kernel collector, while it stops the others).
        public void Lock() => _lock.Acquire();

        public void Unlock() => _lock.Release();
    }
}
