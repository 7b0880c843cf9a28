namespace Cosmos.Kernel.Memory
{
    // A set of pages kept as sorted, disjoint, non-touching ranges. Small (a memory map has tens of entries), so the
    // operations are simple linear passes.
    public sealed class PageRangeSet
    {
        PageRange[] _ranges = new PageRange[8];
        int _count;

        public int Count => _count;

        public PageRange this[int index] => _ranges[index];

        public ulong PageCount
        {
            get
            {
                ulong total = 0;
                for (int i = 0; i < _count; i++) total += _ranges[i].Count;
                return total;
            }
        }

        public void Clear() => _count = 0;

        public void Add(PageRange range)
        {
            if (range.IsEmpty) return;
            ulong first = range.First, end = range.End;
            int i = 0;
            while (i < _count && _ranges[i].End < first) i++;          // ranges wholly before (not touching)
            int j = i;
            while (j < _count && _ranges[j].First <= end)              // ranges overlapping or touching: absorb
            {
                if (_ranges[j].First < first) first = _ranges[j].First;
                if (_ranges[j].End > end) end = _ranges[j].End;
                j++;
            }
            Replace(i, j, new PageRange(first, end), default, 1);
        }

        public void Remove(PageRange range)
        {
            if (range.IsEmpty) return;
            for (int i = 0; i < _count; i++)
            {
                PageRange current = _ranges[i];
                if (current.End <= range.First || current.First >= range.End) continue;
                var before = new PageRange(current.First, range.First < current.First ? current.First : range.First);
                var after = new PageRange(range.End > current.End ? current.End : range.End, current.End);
                if (before.IsEmpty && after.IsEmpty) Replace(i, i + 1, default, default, 0);
                else if (before.IsEmpty) Replace(i, i + 1, after, default, 1);
                else if (after.IsEmpty) Replace(i, i + 1, before, default, 1);
                else Replace(i, i + 1, before, after, 2);
                i += (before.IsEmpty ? 0 : 1) + (after.IsEmpty ? 0 : 1) - 1;
            }
        }

        public void RemoveAll(PageRangeSet other)
        {
            for (int i = 0; i < other._count; i++) Remove(other._ranges[i]);
        }

        public PageRangeSet Clone()
        {
            var copy = new PageRangeSet();
            for (int i = 0; i < _count; i++) copy.Add(_ranges[i]);
            return copy;
        }

        // Pages in both sets.
        public PageRangeSet Intersect(PageRangeSet other)
        {
            var result = new PageRangeSet();
            for (int i = 0; i < _count; i++)
                for (int j = 0; j < other._count; j++)
                {
                    ulong first = _ranges[i].First > other._ranges[j].First ? _ranges[i].First : other._ranges[j].First;
                    ulong end = _ranges[i].End < other._ranges[j].End ? _ranges[i].End : other._ranges[j].End;
                    if (end > first) result.Add(new PageRange(first, end));
                }
            return result;
        }

        // Pages in both this set and the range.
        public ulong CountWithin(PageRange range)
        {
            ulong total = 0;
            for (int i = 0; i < _count; i++)
            {
                ulong first = _ranges[i].First > range.First ? _ranges[i].First : range.First;
                ulong end = _ranges[i].End < range.End ? _ranges[i].End : range.End;
                if (end > first) total += end - first;
            }
            return total;
        }

        public bool Contains(ulong page)
        {
            for (int i = 0; i < _count; i++)
                if (_ranges[i].Contains(page)) return true;
            return false;
        }

        public PageRange[] ToArray()
        {
            var result = new PageRange[_count];
            for (int i = 0; i < _count; i++) result[i] = _ranges[i];
            return result;
        }

        // Replaces ranges [from, to) with up to two new ones.
        void Replace(int from, int to, PageRange first, PageRange second, int newCount)
        {
            int newTotal = _count - (to - from) + newCount;
            if (newTotal > _ranges.Length)
            {
                var larger = new PageRange[newTotal * 2];
                for (int i = 0; i < _count; i++) larger[i] = _ranges[i];
                _ranges = larger;
            }
            int tail = _count - to;
            int shift = newCount - (to - from);
            if (shift > 0) for (int i = tail - 1; i >= 0; i--) _ranges[to + i + shift] = _ranges[to + i];
            else if (shift < 0) for (int i = 0; i < tail; i++) _ranges[to + i + shift] = _ranges[to + i];
            if (newCount > 0) _ranges[from] = first;
            if (newCount > 1) _ranges[from + 1] = second;
            _count = newTotal;
        }
    }
}
