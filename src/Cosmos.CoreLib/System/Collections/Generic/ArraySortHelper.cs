namespace System.Collections.Generic
{
    // The one sort behind Array.Sort and List<T>.Sort: heapsort, in place, O(n log n), no recursion (kernel stacks
    // are small). Not stable, like the BCL's sort.
    internal static class ArraySortHelper<T>
    {
        internal static void Sort(Span<T> keys, Comparison<T> comparer)
        {
            if (comparer == null) throw new ArgumentNullException(nameof(comparer));
            int n = keys.Length;
            for (int i = n / 2 - 1; i >= 0; i--) SiftDown(keys, i, n, comparer);
            for (int end = n - 1; end > 0; end--)
            {
                Swap(keys, 0, end);
                SiftDown(keys, 0, end, comparer);
            }
        }

        static void Swap(Span<T> keys, int i, int j)
        {
            T temp = keys[i];
            keys[i] = keys[j];
            keys[j] = temp;
        }

        static void SiftDown(Span<T> keys, int root, int count, Comparison<T> comparer)
        {
            while (true)
            {
                int child = 2 * root + 1;
                if (child >= count) return;
                if (child + 1 < count && comparer(keys[child], keys[child + 1]) < 0) child++;
                if (comparer(keys[root], keys[child]) >= 0) return;
                Swap(keys, root, child);
                root = child;
            }
        }
    }
}
