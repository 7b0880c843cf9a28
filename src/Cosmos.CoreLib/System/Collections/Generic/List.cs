namespace System.Collections.Generic
{
    // A growable array. Changing the list invalidates its enumerators (the BCL's InvalidOperationException).
    public class List<T> : IList<T>, IReadOnlyList<T>
    {
        const int DefaultCapacity = 4;

        T[] _items;
        int _size;
        int _version;

        public List() { _items = Array.Empty<T>(); }

        public List(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public List(IEnumerable<T> collection) : this()
        {
            AddRange(collection);
        }

        public int Count => _size;

        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size) throw new ArgumentOutOfRangeException(nameof(value));
                if (value == _items.Length) return;
                T[] items = new T[value];
                Array.Copy(_items, items, _size);
                _items = items;
            }
        }

        bool ICollection<T>.IsReadOnly => false;

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(index));
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(index));
                _items[index] = value;
                _version++;
            }
        }

        public void Add(T item)
        {
            if (_size == _items.Length) Grow(_size + 1);
            _items[_size++] = item;
            _version++;
        }

        public void AddRange(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            foreach (T item in collection) Add(item);
        }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException(nameof(index));
            if (_size == _items.Length) Grow(_size + 1);
            Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
            _version++;
        }

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0) return false;
            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(index));
            _size--;
            Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default; // drop the reference for the collector
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentOutOfRangeException(nameof(index));
            _size -= count;
            Array.Copy(_items, index + count, _items, index, _size - index);
            Array.Clear(_items, _size, count); // drop the references for the collector
            _version++;
        }

        public void Clear()
        {
            Array.Clear(_items, 0, _size);
            _size = 0;
            _version++;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        public int IndexOf(T item) => Array.IndexOf(_items, item, 0, _size);

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _size);

        public T[] ToArray() => new ReadOnlySpan<T>(_items, 0, _size).ToArray();

        public void Sort(Comparison<T> comparison)
        {
            ArraySortHelper<T>.Sort(new Span<T>(_items, 0, _size), comparison);
            _version++;
        }

        void Grow(int needed)
        {
            int capacity = _items.Length == 0 ? DefaultCapacity : 2 * _items.Length;
            Capacity = capacity < needed ? needed : capacity;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        // A struct, so foreach over a List<T> allocates nothing.
        public struct Enumerator : IEnumerator<T>
        {
            readonly List<T> _list;
            readonly int _version;
            int _index;
            T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _version = list._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_index >= _list._size) return false;
                _current = _list._items[_index++];
                return true;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            void IEnumerator.Reset()
            {
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }
    }
}
