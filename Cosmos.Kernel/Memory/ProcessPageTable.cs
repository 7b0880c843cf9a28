using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Memory
{
    // A process's page table as its UserAddressSpace edits it: a PageTable sharing the kernel half, edited with
    // interrupts off (its tables come from the page-frame allocator, whose lock is having this processor to oneself),
    // and the TLB kept in step when the table is the one loaded. Other processors run no user threads yet, so no TLB
    // of theirs can hold these entries (issue 8 adds shootdowns).
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
            bool interrupts = Cpu.DisableInterruptsSaving();
            PageTable table = KernelAddressSpace.CreateProcessTable();
            Cpu.RestoreInterrupts(interrupts);
            return table == null ? null : new UserAddressSpace(new ProcessPageTable(table), KernelFrames.Instance, ReadersExclusive);
        }

        public ulong RootAddress => _table.RootAddress;

        public bool Map(ulong address, ulong frame, PageAttributes attributes)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            bool mapped = _table.Map(address, frame, attributes);
            Cpu.RestoreInterrupts(interrupts);
            return mapped;
        }

        public ulong Unmap(ulong address)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            ulong frame = _table.Unmap(address);
            InvalidateIfLoaded(address);
            Cpu.RestoreInterrupts(interrupts);
            return frame;
        }

        public void Protect(ulong address, PageAttributes attributes)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            _table.Protect(address, attributes);
            InvalidateIfLoaded(address);
            Cpu.RestoreInterrupts(interrupts);
        }

        public bool TryQuery(ulong address, out ulong frame)
        {
            bool mapped = _table.TryQuery(address, out PageMapping mapping);
            frame = mapped ? mapping.PhysicalAddress & ~(PageTable.PageSize - 1) : 0;
            return mapped;
        }

        public ulong NextMapped(ulong from, ulong end) => _table.NextMapped(from, end);

        public void Destroy()
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            _table.DestroySharingUpperHalf();
            Cpu.RestoreInterrupts(interrupts);
        }

        void InvalidateIfLoaded(ulong address)
        {
            if (Cpu.ReadCr3() == _table.RootAddress) Cpu.InvalidatePage(address);
        }
    }
}
