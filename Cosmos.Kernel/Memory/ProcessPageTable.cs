using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Memory
{
    // A process's page table as its UserAddressSpace edits it (one change at a time: under the address space's lock):
    // a PageTable sharing the kernel half, its tables from the shared page-frame allocator. A change that can leave a
    // stale TLB entry (unmap, protect) is invalidated here, and on every other processor that has the table loaded
    // (TlbShootdown), before the caller may free the frame.
    public sealed class ProcessPageTable : IUserPageTable
    {
        readonly PageTable _table;

        ProcessPageTable(PageTable table)
        {
            _table = table;
        }

        // Whether address spaces made from now on take their lock exclusively for pointer checks and copies too: the
        // whole-process-lock mode the region benchmark compares with (docs/benchmarks/regions.md).
        public static bool ReadersExclusive { get; set; }

        // A new, empty address space; null when there is no memory for its root table.
        public static UserAddressSpace CreateAddressSpace()
        {
            PageTable table = KernelAddressSpace.CreateProcessTable();
            return table == null ? null : new UserAddressSpace(new ProcessPageTable(table), KernelFrames.Instance, ReadersExclusive);
        }

        public ulong RootAddress => _table.RootAddress;

        public bool Map(ulong address, ulong frame, PageAttributes attributes) => _table.Map(address, frame, attributes);

        // Empty tables stay until Destroy: another processor running this process may still hold them in its
        // paging-structure caches.
        public ulong Unmap(ulong address)
        {
            ulong frame = _table.Unmap(address, freeEmptyTables: false);
            Invalidate(address);
            return frame;
        }

        public void Protect(ulong address, PageAttributes attributes)
        {
            _table.Protect(address, attributes);
            Invalidate(address);
        }

        public bool TryQuery(ulong address, out ulong frame)
        {
            bool mapped = _table.TryQuery(address, out PageMapping mapping);
            frame = mapped ? mapping.PhysicalAddress & ~(PageTable.PageSize - 1) : 0;
            return mapped;
        }

        public ulong NextMapped(ulong from, ulong end) => _table.NextMapped(from, end);

        public void Destroy() => _table.DestroySharingUpperHalf();

        void Invalidate(ulong address)
        {
            if (Cpu.ReadCr3() == _table.RootAddress) Cpu.InvalidatePage(address);
            TlbShootdown.FlushOthersWithRoot(_table.RootAddress);
        }
    }
}
