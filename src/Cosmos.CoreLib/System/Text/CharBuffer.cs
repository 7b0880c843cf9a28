namespace System.Text
{
    // A growable run of chars: the storage behind StringBuilder and string interpolation, so both append, format
    // and pad the same way.
    internal struct CharBuffer
    {
        const int MinimumCapacity = 16;

        char[] _chars;
        int _length;

        internal CharBuffer(int capacity)
        {
            _chars = new char[capacity > MinimumCapacity ? capacity : MinimumCapacity];
            _length = 0;
        }

        internal int Length => _length;

        internal Span<char> Written => new Span<char>(_chars, 0, _length);

        internal ref char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                return ref _chars[index];
            }
        }

        // Shorter truncates; longer pads with '\0', as StringBuilder.Length does.
        internal void SetLength(int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            if (length > _length)
            {
                EnsureFree(length - _length);
                new Span<char>(_chars, _length, length - _length).Clear();
            }
            _length = length;
        }

        internal void Clear() => _length = 0;

        internal void Append(char c)
        {
            EnsureFree(1);
            _chars[_length++] = c;
        }

        internal void Append(char c, int repeatCount)
        {
            if (repeatCount < 0) throw new ArgumentOutOfRangeException(nameof(repeatCount));
            EnsureFree(repeatCount);
            new Span<char>(_chars, _length, repeatCount).Fill(c);
            _length += repeatCount;
        }

        internal void Append(ReadOnlySpan<char> value)
        {
            EnsureFree(value.Length);
            value.CopyTo(new Span<char>(_chars, _length, value.Length));
            _length += value.Length;
        }

        internal void Insert(int index, ReadOnlySpan<char> value)
        {
            OpenGap(index, value.Length);
            value.CopyTo(new Span<char>(_chars, index, value.Length));
        }

        internal void Insert(int index, char c, int repeatCount)
        {
            if (repeatCount < 0) throw new ArgumentOutOfRangeException(nameof(repeatCount));
            OpenGap(index, repeatCount);
            new Span<char>(_chars, index, repeatCount).Fill(c);
        }

        void OpenGap(int index, int count)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index));
            EnsureFree(count);
            new Span<char>(_chars, index, _length - index).CopyTo(new Span<char>(_chars, index + count, _length - index));
            _length += count;
        }

        // Numbers format straight into the free space; other values through their ToString.
        internal void AppendFormatted<T>(T value, string format, IFormatProvider provider)
        {
            if (value is ISpanFormattable)
            {
                int written;
                while (!((ISpanFormattable)value).TryFormat(new Span<char>(_chars, _length, Free), out written, format, provider))
                    EnsureFree(Free + 1);
                _length += written;
            }
            else if (value is IFormattable)
                Append(((IFormattable)value).ToString(format, provider));
            else if (value != null)
                Append(value.ToString());
        }

        // Pads what was appended since start to |alignment| chars: on the left when positive, the right when negative.
        internal void Align(int start, int alignment)
        {
            int width = alignment < 0 ? -alignment : alignment;
            int padding = width - (_length - start);
            if (padding <= 0) return;
            if (alignment > 0) Insert(start, ' ', padding);
            else Append(' ', padding);
        }

        int Free => _chars == null ? 0 : _chars.Length - _length;

        void EnsureFree(int count)
        {
            if (count <= Free) return;
            int capacity = _chars == null ? MinimumCapacity : _chars.Length * 2;
            if (capacity < _length + count) capacity = _length + count;
            char[] larger = new char[capacity];
            Written.CopyTo(larger);
            _chars = larger;
        }

        public override string ToString() => new string(Written);
    }
}
