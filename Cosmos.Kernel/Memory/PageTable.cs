using System;

namespace Cosmos.Kernel.Memory
{
    // An x86-64 four-level page table (PML4 -> PDPT -> PD -> PT) in physical memory, edited through a window onto that
    // memory: the kernel's direct map, or simulated RAM in the host tests. Table pages come from the page-frame
    // allocator and go back to it as soon as an unmap leaves them empty, except the root's direct children (PDPTs),
    // which live as long as the root so that roots can share them (every address space shares the kernel half).
    //
    // Emptiness is known without scanning: an entry that points to a table keeps, in its bits 52-61 (which the CPU
    // ignores in such entries), the number of present entries in that table.
    //
    // Intermediate entries allow whatever a leaf below may need (writable, user when a user page lies below, never
    // no-execute), so a page's leaf entry alone decides its access. This class edits memory only: invalidating the TLB
    // is the owner's business (Memory/KernelAddressSpace).
    public sealed unsafe class PageTable
    {
        public const ulong PageSize = 4096;
        public const ulong LargePageSize = 2UL << 20;

        const ulong Present = 1UL << 0, WritableBit = 1UL << 1, UserBit = 1UL << 2, WriteThroughBit = 1UL << 3,
                    CacheDisableBit = 1UL << 4, LargeBit = 1UL << 7, GlobalBit = 1UL << 8, NoExecuteBit = 1UL << 63;
        const ulong AddressMask = 0x000F_FFFF_FFFF_F000;
        const int CountShift = 52;
        const ulong CountMask = 0x3FFUL << CountShift;
        const int RootLevel = 4, PdLevel = 2, PtLevel = 1;
        const int EntriesPerTable = 512;

        readonly byte* _window;
        readonly IPageFrames _frames;
        readonly bool _noExecute;
        ulong _windowEnd;

        PageTable(byte* window, ulong windowEnd, IPageFrames frames, bool noExecuteSupported)
        {
            _window = window;
            _windowEnd = windowEnd;
            _frames = frames;
            _noExecute = noExecuteSupported;
        }

        // A new table with nothing mapped, or null when there is no memory for its root. window: where physical
        // address 0 can be read and written; windowEnd: the first physical address the window does not reach (tables
        // are allocated below it), or PageFrameAllocator.NoLimit when it reaches all memory. noExecuteSupported: whether the CPU honours the NX bit (with EFER.NXE off the bit is
        // reserved and setting it would fault), so that pages not asked to be executable can be made non-executable.
        public static PageTable Create(byte* window, ulong windowEnd, IPageFrames frames, bool noExecuteSupported)
        {
            var table = new PageTable(window, windowEnd, frames, noExecuteSupported);
            table.RootAddress = table.NewTable();
            return table.RootAddress == 0 ? null : table;
        }

        // The physical address of the PML4: what CR3 is loaded with.
        public ulong RootAddress { get; private set; }

        // Gives every root entry of the upper (kernel) half a PDPT, so that no later kernel mapping needs a new root
        // entry and tables made by CreateSharingUpperHalf see every kernel mapping, present and future. Returns false
        // when memory runs out (the PDPTs made so far stay).
        public bool ReserveUpperHalf()
        {
            ulong* root = Table(RootAddress);
            for (int index = EntriesPerTable / 2; index < EntriesPerTable; index++)
            {
                if ((root[index] & Present) != 0) continue;
                ulong pdpt = NewTable();
                if (pdpt == 0) return false;
                root[index] = pdpt | Present | WritableBit;
            }
            return true;
        }

        // A new table (a process's) whose lower half is empty and whose upper half is this table's: the same PDPTs,
        // so kernel mappings are shared, not copied. This table must have reserved its upper half. Null when there is
        // no memory for the root.
        public PageTable CreateSharingUpperHalf()
        {
            var table = new PageTable(_window, _windowEnd, _frames, _noExecute);
            table.RootAddress = table.NewTable();
            if (table.RootAddress == 0) return null;
            ulong* from = Table(RootAddress), to = Table(table.RootAddress);
            for (int index = EntriesPerTable / 2; index < EntriesPerTable; index++) to[index] = from[index];
            return table;
        }

        // Frees a table made by CreateSharingUpperHalf with everything its lower half maps: every mapped page's frame
        // goes back to the allocator (the address space owned them), then the tables, then the root. The upper half is
        // not this table's and stays.
        public void DestroySharingUpperHalf()
        {
            ulong* root = Table(RootAddress);
            for (int index = 0; index < EntriesPerTable / 2; index++)
            {
                if ((root[index] & Present) != 0) FreeSubtree(root[index] & AddressMask, RootLevel - 1);
                root[index] = 0;
            }
            FreeTable(RootAddress);
            RootAddress = 0;
        }

        // Frees the table at `address` of `level` with every page and table below it.
        void FreeSubtree(ulong address, int level)
        {
            ulong* table = Table(address);
            for (int index = 0; index < EntriesPerTable; index++)
            {
                ulong entry = table[index];
                if ((entry & Present) == 0) continue;
                if (level == PtLevel || (entry & LargeBit) != 0) _frames.FreeContiguous(PageAddress(entry, level), (int)(LevelPageSize(level) / PageSize));
                else FreeSubtree(entry & AddressMask, level - 1);
            }
            FreeTable(address);
        }

        // Lets tables come from anywhere below windowEnd, once the window reaches further (the kernel's direct map
        // grows from the boot code's 4 GiB to all of memory).
        public void ExtendWindow(ulong windowEnd)
        {
            if (windowEnd > _windowEnd) _windowEnd = windowEnd;
        }

        // Maps the 4 KiB page at virtualAddress to physicalAddress. Returns false, having changed nothing, when a table
        // page could not be allocated. Mapping a page that is already mapped is a bug and throws.
        public bool Map(ulong virtualAddress, ulong physicalAddress, PageAttributes attributes)
            => MapAt(PtLevel, virtualAddress, physicalAddress, attributes);

        // Maps a 2 MiB large page; both addresses must be 2 MiB aligned.
        public bool MapLarge(ulong virtualAddress, ulong physicalAddress, PageAttributes attributes)
            => MapAt(PdLevel, virtualAddress, physicalAddress, attributes);

        // The pages this table's tables take (this PageTable's own: the kernel half a process shares counts in the
        // kernel's).
        public int TablePages { get; private set; }

        // Unmaps the page (4 KiB or large) that holds virtualAddress, frees the tables this leaves empty (unless told
        // not to: a table another processor may still have cached must not be freed before its TLB is flushed), and
        // returns the page's physical address. Unmapping what is not mapped is a bug and throws.
        public ulong Unmap(ulong virtualAddress, bool freeEmptyTables = true)
        {
            ulong** path = stackalloc ulong*[RootLevel + 1];
            int leafLevel = Walk(virtualAddress, path);
            if (leafLevel == 0) throw new InvalidOperationException("page table: unmapping 0x" + virtualAddress.ToString("x") + ", which is not mapped");
            ulong physical = PageAddress(*path[leafLevel], leafLevel);
            *path[leafLevel] = 0;
            AddToCount(path, leafLevel + 1, -1);
            if (freeEmptyTables) FreeEmptyTables(path, leafLevel, PdLevel);
            return physical;
        }

        // Changes the attributes of the page holding virtualAddress, keeping where it leads.
        public void Protect(ulong virtualAddress, PageAttributes attributes)
        {
            ulong** path = stackalloc ulong*[RootLevel + 1];
            int leafLevel = Walk(virtualAddress, path);
            if (leafLevel == 0) throw new InvalidOperationException("page table: protecting 0x" + virtualAddress.ToString("x") + ", which is not mapped");
            if ((attributes & PageAttributes.User) != 0)
                for (int level = RootLevel; level > leafLevel; level--) *path[level] |= UserBit;
            *path[leafLevel] = PageAddress(*path[leafLevel], leafLevel) | LeafBits(attributes, leafLevel);
        }

        // Where virtualAddress leads, if it is mapped.
        public bool TryQuery(ulong virtualAddress, out PageMapping mapping)
        {
            ulong** path = stackalloc ulong*[RootLevel + 1];
            int leafLevel = Walk(virtualAddress, path);
            if (leafLevel == 0)
            {
                mapping = default;
                return false;
            }
            ulong entry = *path[leafLevel];
            ulong size = LevelPageSize(leafLevel);
            mapping = new PageMapping(PageAddress(entry, leafLevel) + (virtualAddress & (size - 1)), AttributesOf(entry), size);
            return true;
        }

        bool MapAt(int leafLevel, ulong virtualAddress, ulong physicalAddress, PageAttributes attributes)
        {
            ulong size = LevelPageSize(leafLevel);
            if (!IsCanonical(virtualAddress) || (virtualAddress & (size - 1)) != 0 || (physicalAddress & (size - 1)) != 0
                || (physicalAddress & ~AddressMask) != 0)
                throw new ArgumentException("page table: cannot map 0x" + virtualAddress.ToString("x") + " to 0x" + physicalAddress.ToString("x")
                                            + " with pages of 0x" + size.ToString("x") + " bytes (unaligned or out of range)");
            ulong userBit = (attributes & PageAttributes.User) != 0 ? UserBit : 0;
            ulong** path = stackalloc ulong*[RootLevel + 1];
            ulong* table = Table(RootAddress);
            int highestCreated = 0;                         // the level of the highest table this call created
            for (int level = RootLevel; level > leafLevel; level--)
            {
                ulong* entry = table + Index(virtualAddress, level);
                path[level] = entry;
                if ((*entry & Present) == 0)
                {
                    ulong newTable = NewTable();
                    if (newTable == 0)
                    {
                        FreeEmptyTables(path, level, highestCreated);   // still empty: undo them, PDPT included
                        return false;
                    }
                    *entry = newTable | Present | WritableBit | userBit;
                    AddToCount(path, level + 1, 1);
                    if (highestCreated == 0) highestCreated = level - 1;
                }
                else if ((*entry & LargeBit) != 0)
                    throw new InvalidOperationException("page table: 0x" + virtualAddress.ToString("x") + " lies in a large page");
                else *entry |= userBit;
                table = Table(*entry & AddressMask);
            }
            ulong* leaf = table + Index(virtualAddress, leafLevel);
            if ((*leaf & Present) != 0)
                throw new InvalidOperationException("page table: 0x" + virtualAddress.ToString("x") + " is already mapped");
            path[leafLevel] = leaf;
            *leaf = physicalAddress | LeafBits(attributes, leafLevel);
            AddToCount(path, leafLevel + 1, 1);
            return true;
        }

        // The address of the first mapped page at or above `from` and below `end` (the page holding `from` counts), or
        // `end` when there is none. Whole tables and unmapped entries are skipped at once, so the search costs what is
        // mapped, not the size of the range: how an address space finds the pages of a vast, sparse region.
        public ulong NextMapped(ulong from, ulong end)
        {
            ulong address = from & ~(PageSize - 1);
            while (address < end && IsCanonical(address))
            {
                ulong* table = Table(RootAddress);
                for (int level = RootLevel; level >= PtLevel; level--)
                {
                    ulong entry = table[Index(address, level)];
                    ulong span = LevelPageSize(level);
                    if ((entry & Present) == 0)
                    {
                        ulong next = (address & ~(span - 1)) + span;
                        if (next <= address) return end;        // past the top of the address space
                        address = next;
                        break;
                    }
                    if (level == PtLevel || (entry & LargeBit) != 0) return address < end ? address : end;
                    table = Table(entry & AddressMask);
                }
            }
            return address < end ? address : end;
        }

        // Fills path[level] with the entry for virtualAddress at each level down to the leaf; returns the leaf's level,
        // or 0 when the address is not mapped.
        int Walk(ulong virtualAddress, ulong** path)
        {
            if (!IsCanonical(virtualAddress)) return 0;
            ulong* table = Table(RootAddress);
            for (int level = RootLevel; level >= PtLevel; level--)
            {
                ulong* entry = table + Index(virtualAddress, level);
                path[level] = entry;
                if ((*entry & Present) == 0) return 0;
                if (level == PtLevel || (*entry & LargeBit) != 0) return level;
                table = Table(*entry & AddressMask);
            }
            return 0;
        }

        // Frees the table of `level` (the one holding path[level]) if it is empty, and so on upwards as far as tables
        // of topLevel. An unmap stops below the PDPTs, which always stay.
        void FreeEmptyTables(ulong** path, int level, int topLevel)
        {
            for (; level <= topLevel; level++)
            {
                ulong* pointer = path[level + 1];
                if ((*pointer & CountMask) != 0) return;
                FreeTable(*pointer & AddressMask);
                *pointer = 0;
                AddToCount(path, level + 2, -1);
            }
        }

        // Adjusts the present-entry count of the table that holds path[level - 1], kept in path[level]. The root's
        // count is not kept.
        static void AddToCount(ulong** path, int level, int delta)
        {
            if (level > RootLevel) return;
            ulong count = (ulong)((long)((*path[level] & CountMask) >> CountShift) + delta);
            *path[level] = (*path[level] & ~CountMask) | (count << CountShift);
        }

        ulong LeafBits(PageAttributes attributes, int level)
        {
            ulong bits = Present;
            if ((attributes & PageAttributes.Writable) != 0) bits |= WritableBit;
            if ((attributes & PageAttributes.User) != 0) bits |= UserBit;
            if ((attributes & PageAttributes.Global) != 0) bits |= GlobalBit;
            if ((attributes & PageAttributes.Uncached) != 0) bits |= CacheDisableBit | WriteThroughBit;
            if ((attributes & PageAttributes.Executable) == 0 && _noExecute) bits |= NoExecuteBit;
            if (level > PtLevel) bits |= LargeBit;
            return bits;
        }

        PageAttributes AttributesOf(ulong entry)
        {
            PageAttributes attributes = PageAttributes.ReadOnly;
            if ((entry & WritableBit) != 0) attributes |= PageAttributes.Writable;
            if ((entry & UserBit) != 0) attributes |= PageAttributes.User;
            if ((entry & GlobalBit) != 0) attributes |= PageAttributes.Global;
            if ((entry & CacheDisableBit) != 0) attributes |= PageAttributes.Uncached;
            if ((entry & NoExecuteBit) == 0) attributes |= PageAttributes.Executable;
            return attributes;
        }

        // A zeroed page for a table, within the window; 0 when there is none.
        ulong NewTable()
        {
            ulong frame = _windowEnd == PageFrameAllocator.NoLimit ? _frames.AllocatePage() : _frames.AllocatePageBelow(_windowEnd);
            if (frame == 0) return 0;
            TablePages++;
            ulong* table = Table(frame);
            for (int i = 0; i < EntriesPerTable; i++) table[i] = 0;
            return frame;
        }

        void FreeTable(ulong address)
        {
            _frames.FreePage(address);
            TablePages--;
        }

        ulong* Table(ulong physicalAddress) => (ulong*)(_window + physicalAddress);

        static int Index(ulong virtualAddress, int level) => (int)(virtualAddress >> (12 + 9 * (level - 1))) & 511;

        static ulong LevelPageSize(int level) => 1UL << (12 + 9 * (level - 1));

        // A leaf's page address: for large pages bit 12 is the PAT bit, not part of the address.
        static ulong PageAddress(ulong entry, int level) => entry & AddressMask & ~(LevelPageSize(level) - 1);

        static bool IsCanonical(ulong address) => (ulong)((long)address << 16 >> 16) == address;
    }
}
