using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    public abstract unsafe class Array
    {
        // Layout contract with ILC: the element count (padded to a pointer on 64-bit), then the elements.
        private readonly int _length;
        private readonly int _padding;

        public int Length => _length;

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        public static void Copy(Array sourceArray, Array destinationArray, int length)
            => Copy(sourceArray, 0, destinationArray, 0, length);

        // Same-type copies only: the kernel has no use for the BCL's converting copies.
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null || destinationArray == null) throw new ArgumentNullException();
            if (sourceArray.m_pEEType != destinationArray.m_pEEType) throw new ArrayTypeMismatchException();
            if (sourceIndex < 0 || destinationIndex < 0 || length < 0
                || sourceIndex > sourceArray._length - length || destinationIndex > destinationArray._length - length)
                throw new ArgumentOutOfRangeException();
            nuint elementSize = sourceArray.m_pEEType->ComponentSize;
            Buffer.Memmove(destinationArray.Data + (nuint)destinationIndex * elementSize,
                sourceArray.Data + (nuint)sourceIndex * elementSize, (nuint)length * elementSize);
        }

        public static void Clear(Array array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException();
            if (index < 0 || length < 0 || index > array._length - length) throw new ArgumentOutOfRangeException();
            nuint elementSize = array.m_pEEType->ComponentSize;
            Buffer.ZeroMemory(array.Data + (nuint)index * elementSize, (nuint)length * elementSize);
        }

        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0) throw new ArgumentOutOfRangeException();
            T[] larger = new T[newSize];
            if (array != null) Copy(array, larger, array.Length < newSize ? array.Length : newSize);
            array = larger;
        }

        public static int IndexOf<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            return IndexOf(array, value, 0, array.Length);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if ((uint)startIndex > (uint)array.Length || (uint)count > (uint)(array.Length - startIndex))
                throw new ArgumentOutOfRangeException();
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = startIndex; i < startIndex + count; i++)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            ArraySortHelper<T>.Sort(array, comparison);
        }

        // Address of element 0.
        internal byte* Data
        {
            get { object self = this; return *(byte**)&self + 2 * sizeof(nint); }
        }
    }

    // ILC makes Array<T> the base of T[]: the generic collection interfaces every T[] implements are implemented
    // here, on `this` seen as the T[] it really is. Arrays are fixed-size, so the methods that resize throw.
    internal class Array<T> : Array, IList<T>, IReadOnlyList<T>
    {
        T[] Self => Unsafe.As<T[]>(this);

        public T this[int index]
        {
            get => Self[index];
            set => Self[index] = value;
        }

        public int Count => Self.Length;

        public bool IsReadOnly => true;

        public IEnumerator<T> GetEnumerator() => new ArrayEnumerator<T>(Self);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool Contains(T item) => IndexOf(Self, item) >= 0;

        public int IndexOf(T item) => IndexOf(Self, item);

        public void CopyTo(T[] array, int arrayIndex) => Copy(Self, 0, array, arrayIndex, Self.Length);

        public void Add(T item) => throw new NotSupportedException("Collection was of a fixed size.");

        public void Insert(int index, T item) => throw new NotSupportedException("Collection was of a fixed size.");

        public bool Remove(T item) => throw new NotSupportedException("Collection was of a fixed size.");

        public void RemoveAt(int index) => throw new NotSupportedException("Collection was of a fixed size.");

        public void Clear() => throw new NotSupportedException("Collection was of a fixed size.");
    }

    // What an array hands out as IEnumerator<T>.
    internal sealed class ArrayEnumerator<T> : IEnumerator<T>
    {
        readonly T[] _array;
        int _index = -1;

        internal ArrayEnumerator(T[] array) { _array = array; }

        public bool MoveNext() => ++_index < _array.Length;

        public T Current => _array[_index];

        object IEnumerator.Current => Current;

        public void Reset() => _index = -1;

        public void Dispose() { }
    }

    internal static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }
}
