using System;
using System.Collections.Generic;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // A process's user page table as a dictionary, as strict as the real one: mapping a mapped page, unmapping or
    // protecting an unmapped one, an unaligned or non-user address, and destroying a table with pages in it throw.
    public sealed class HostPageTable : IUserPageTable
    {
        readonly Dictionary<ulong, (ulong Frame, PageAttributes Attributes)> _pages = new Dictionary<ulong, (ulong, PageAttributes)>();

        public ulong RootAddress => 0x1000;

        // Pages mapped now.
        public int Count => _pages.Count;

        public bool Destroyed { get; private set; }

        public bool Map(ulong address, ulong frame, PageAttributes attributes)
        {
            CheckAddress(address);
            if (frame == 0 || frame % PageTable.PageSize != 0) throw new ArgumentException("page table: bad frame 0x" + frame.ToString("x"));
            if (_pages.ContainsKey(address)) throw new InvalidOperationException("page table: 0x" + address.ToString("x") + " is already mapped");
            _pages.Add(address, (frame, attributes));
            return true;
        }

        public ulong Unmap(ulong address)
        {
            CheckAddress(address);
            if (!_pages.Remove(address, out var entry)) throw new InvalidOperationException("page table: unmapping 0x" + address.ToString("x") + ", which is not mapped");
            return entry.Frame;
        }

        public void Protect(ulong address, PageAttributes attributes)
        {
            CheckAddress(address);
            if (!_pages.TryGetValue(address, out var entry)) throw new InvalidOperationException("page table: protecting 0x" + address.ToString("x") + ", which is not mapped");
            _pages[address] = (entry.Frame, attributes);
        }

        public bool TryQuery(ulong address, out ulong frame)
        {
            bool mapped = _pages.TryGetValue(address & ~(PageTable.PageSize - 1), out var entry);
            frame = entry.Frame;
            return mapped;
        }

        // Looks at every mapped page: the host tests map few.
        public ulong NextMapped(ulong from, ulong end)
        {
            ulong next = end;
            foreach (ulong page in _pages.Keys)
                if (page >= (from & ~(PageTable.PageSize - 1)) && page < next) next = page;
            return next;
        }

        public void Destroy()
        {
            if (_pages.Count != 0) throw new InvalidOperationException("page table: destroyed with " + _pages.Count + " pages mapped");
            Destroyed = true;
        }

        // The attributes the page at `address` is mapped with; throws if it is not mapped.
        public PageAttributes AttributesOf(ulong address) => _pages[address & ~(PageTable.PageSize - 1)].Attributes;

        public bool IsMapped(ulong address) => _pages.ContainsKey(address & ~(PageTable.PageSize - 1));

        static void CheckAddress(ulong address)
        {
            if (address % PageTable.PageSize != 0 || !UserAddressSpace.IsUserRange(address, PageTable.PageSize))
                throw new ArgumentException("page table: 0x" + address.ToString("x") + " is not a user page");
        }
    }
}
