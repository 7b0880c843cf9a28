using System;
using System.Collections.Generic;

namespace Cosmos.Kernel.Memory.Regions
{
    // A process's regions, sorted by address and never overlapping, at all times: a lookup is a binary search. The
    // owner (UserAddressSpace) guards it with its reader-writer lock.
    public sealed class RegionSet
    {
        readonly List<MemoryRegion> _regions = new List<MemoryRegion>();

        public int Count => _regions.Count;

        public MemoryRegion this[int index] => _regions[index];

        // The index of the first region that ends above `address`: the one holding it, or else the next one up
        // (Count when there is none). O(log n).
        public int IndexAfter(ulong address)
        {
            int low = 0, high = _regions.Count;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (_regions[middle].End <= address) low = middle + 1;
                else high = middle;
            }
            return low;
        }

        // The region holding `address`, or null.
        public MemoryRegion Find(ulong address)
        {
            int index = IndexAfter(address);
            return index < _regions.Count && _regions[index].Contains(address) ? _regions[index] : null;
        }

        // Whether no region overlaps [start, end).
        public bool IsFree(ulong start, ulong end)
        {
            int index = IndexAfter(start);
            return index == _regions.Count || _regions[index].Start >= end;
        }

        // Whether regions cover every byte of [start, end), with no gap.
        public bool Covers(ulong start, ulong end)
        {
            ulong covered = start;
            for (int index = IndexAfter(start); index < _regions.Count && covered < end; index++)
            {
                if (_regions[index].Start > covered) return false;
                covered = _regions[index].End;
            }
            return covered >= end;
        }

        // The lowest free range of `length` bytes at or above `from` that ends by `limit`.
        public bool TryFindGap(ulong length, ulong from, ulong limit, out ulong start)
        {
            start = from;
            for (int index = IndexAfter(from); index < _regions.Count; index++)
            {
                MemoryRegion region = _regions[index];
                if (region.Start >= start && region.Start - start >= length) break;
                start = Math.Max(start, region.End);
            }
            return start <= limit && limit - start >= length;
        }

        // Adds a region where nothing is (overlap is a bug, and throws), keeping the set sorted.
        public void Insert(MemoryRegion region)
        {
            if (!IsFree(region.Start, region.End)) throw new InvalidOperationException("region set: " + region.ToString() + " overlaps a region");
            _regions.Insert(IndexAfter(region.Start), region);
        }

        // Makes `address` a region boundary: a region that holds it past its first byte is split there.
        public void SplitAt(ulong address)
        {
            int index = IndexAfter(address);
            if (index == _regions.Count || _regions[index].Start >= address) return;
            _regions.Insert(index + 1, _regions[index].SplitAt(address));
        }

        // Splits at both ends of [start, end), so that the regions inside it are whole: those at indexes
        // [first, last).
        public void Isolate(ulong start, ulong end, out int first, out int last)
        {
            SplitAt(start);
            SplitAt(end);
            first = IndexAfter(start);
            last = IndexAfter(end);
        }

        public void RemoveRange(int index, int count) => _regions.RemoveRange(index, count);
    }
}
