namespace System.Collections.Generic
{
    // A hash table with chaining through an entries array (the BCL's design): entries are appended, buckets hold
    // the 1-based index of their chain's first entry, removed entries are threaded on a free list and reused.
    public class Dictionary<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IReadOnlyCollection<KeyValuePair<TKey, TValue>>
    {
        // Entry.Next of a free entry: at most FreeMarker, encoding the next free entry as FreeMarker - index.
        const int FreeMarker = -2;

        struct Entry
        {
            public uint HashCode;
            public int Next;      // index of the next entry in the chain, -1 at its end
            public TKey Key;
            public TValue Value;
        }

        int[] _buckets;
        Entry[] _entries;
        int _used;            // entries handed out, including freed ones
        int _freeList = -1;
        int _freeCount;
        int _version;
        readonly IEqualityComparer<TKey> _comparer;
        KeyCollection _keys;
        ValueCollection _values;

        public Dictionary() : this(0, null) { }

        public Dictionary(int capacity) : this(capacity, null) { }

        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
            Allocate(capacity < 3 ? 3 : capacity);
        }

        public int Count => _used - _freeCount;

        public IEqualityComparer<TKey> Comparer => _comparer;

        public KeyCollection Keys => _keys ??= new KeyCollection(this);

        public ValueCollection Values => _values ??= new ValueCollection(this);

        public TValue this[TKey key]
        {
            get
            {
                int index = FindEntry(key);
                if (index < 0) throw new KeyNotFoundException("The given key was not present in the dictionary.");
                return _entries[index].Value;
            }
            set => Insert(key, value, overwrite: true);
        }

        public void Add(TKey key, TValue value)
        {
            if (!Insert(key, value, overwrite: false)) throw new ArgumentException("An item with the same key has already been added.");
        }

        public bool TryAdd(TKey key, TValue value) => Insert(key, value, overwrite: false);

        public bool TryGetValue(TKey key, out TValue value)
        {
            int index = FindEntry(key);
            value = index >= 0 ? _entries[index].Value : default;
            return index >= 0;
        }

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _used; i++)
                if (_entries[i].Next > FreeMarker && comparer.Equals(_entries[i].Value, value)) return true;
            return false;
        }

        public bool Remove(TKey key) => Remove(key, out _);

        public bool Remove(TKey key, out TValue value)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            uint hashCode = (uint)_comparer.GetHashCode(key);
            ref int bucket = ref _buckets[hashCode % (uint)_buckets.Length];
            int previous = -1;
            for (int i = bucket - 1; i >= 0; previous = i, i = _entries[i].Next)
            {
                ref Entry entry = ref _entries[i];
                if (entry.HashCode != hashCode || !_comparer.Equals(entry.Key, key)) continue;
                if (previous < 0) bucket = entry.Next + 1;
                else _entries[previous].Next = entry.Next;
                value = entry.Value;
                entry.Key = default;
                entry.Value = default;
                entry.Next = FreeMarker - _freeList;
                _freeList = i;
                _freeCount++;
                _version++;
                return true;
            }
            value = default;
            return false;
        }

        public void Clear()
        {
            if (_used == 0) return;
            Array.Clear(_buckets, 0, _buckets.Length);
            Array.Clear(_entries, 0, _used);
            _used = 0;
            _freeList = -1;
            _freeCount = 0;
            _version++;
        }

        int FindEntry(TKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            uint hashCode = (uint)_comparer.GetHashCode(key);
            for (int i = _buckets[hashCode % (uint)_buckets.Length] - 1; i >= 0; i = _entries[i].Next)
                if (_entries[i].HashCode == hashCode && _comparer.Equals(_entries[i].Key, key)) return i;
            return -1;
        }

        // Returns false when the key exists and overwrite is false.
        bool Insert(TKey key, TValue value, bool overwrite)
        {
            int existing = FindEntry(key);
            if (existing >= 0)
            {
                if (!overwrite) return false;
                _entries[existing].Value = value;
                _version++;
                return true;
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = FreeMarker - _entries[index].Next;
                _freeCount--;
            }
            else
            {
                if (_used == _entries.Length) Resize();
                index = _used++;
            }
            uint hashCode = (uint)_comparer.GetHashCode(key);
            ref int bucket = ref _buckets[hashCode % (uint)_buckets.Length];
            ref Entry entry = ref _entries[index];
            entry.HashCode = hashCode;
            entry.Key = key;
            entry.Value = value;
            entry.Next = bucket - 1;
            bucket = index + 1;
            _version++;
            return true;
        }

        void Allocate(int size)
        {
            _buckets = new int[size];
            _entries = new Entry[size];
        }

        // Doubles (plus one, keeping the bucket count odd) and rechains every entry. Only called with no free entries.
        void Resize()
        {
            Entry[] old = _entries;
            Allocate(2 * old.Length + 1);
            Array.Copy(old, _entries, _used);
            for (int i = 0; i < _used; i++)
            {
                ref int bucket = ref _buckets[_entries[i].HashCode % (uint)_buckets.Length];
                _entries[i].Next = bucket - 1;
                bucket = i + 1;
            }
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        // Walks the live entries in insertion order (until removals free slots that later additions reuse).
        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            readonly Dictionary<TKey, TValue> _dictionary;
            readonly int _version;
            int _index;
            KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                while (_index < _dictionary._used)
                {
                    ref Entry entry = ref _dictionary._entries[_index++];
                    if (entry.Next <= FreeMarker) continue;
                    _current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                    return true;
                }
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => _current;

            object IEnumerator.Current => _current;

            void IEnumerator.Reset()
            {
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }

        public sealed class KeyCollection : IEnumerable<TKey>, IReadOnlyCollection<TKey>
        {
            readonly Dictionary<TKey, TValue> _dictionary;

            internal KeyCollection(Dictionary<TKey, TValue> dictionary) { _dictionary = dictionary; }

            public int Count => _dictionary.Count;

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            public struct Enumerator : IEnumerator<TKey>
            {
                Dictionary<TKey, TValue>.Enumerator _pairs;

                internal Enumerator(Dictionary<TKey, TValue> dictionary) { _pairs = dictionary.GetEnumerator(); }

                public bool MoveNext() => _pairs.MoveNext();

                public TKey Current => _pairs.Current.Key;

                object IEnumerator.Current => Current;

                void IEnumerator.Reset() => ((IEnumerator)_pairs).Reset();

                public void Dispose() { }
            }
        }

        public sealed class ValueCollection : IEnumerable<TValue>, IReadOnlyCollection<TValue>
        {
            readonly Dictionary<TKey, TValue> _dictionary;

            internal ValueCollection(Dictionary<TKey, TValue> dictionary) { _dictionary = dictionary; }

            public int Count => _dictionary.Count;

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            public struct Enumerator : IEnumerator<TValue>
            {
                Dictionary<TKey, TValue>.Enumerator _pairs;

                internal Enumerator(Dictionary<TKey, TValue> dictionary) { _pairs = dictionary.GetEnumerator(); }

                public bool MoveNext() => _pairs.MoveNext();

                public TValue Current => _pairs.Current.Value;

                object IEnumerator.Current => Current;

                void IEnumerator.Reset() => ((IEnumerator)_pairs).Reset();

                public void Dispose() { }
            }
        }
    }
}
