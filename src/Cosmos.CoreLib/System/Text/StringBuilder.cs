using System.Runtime.CompilerServices;

namespace System.Text
{
    // A mutable string. One contiguous buffer (the BCL chains chunks); numbers are formatted in place.
    public sealed class StringBuilder
    {
        CharBuffer _buffer;

        public StringBuilder() : this(16) { }

        public StringBuilder(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            _buffer = new CharBuffer(capacity);
        }

        public StringBuilder(string value) : this(value == null ? 16 : value.Length)
        {
            _buffer.Append(value);
        }

        public int Length
        {
            get => _buffer.Length;
            set => _buffer.SetLength(value);
        }

        [IndexerName("Chars")]
        public char this[int index]
        {
            get => _buffer[index];
            set => _buffer[index] = value;
        }

        public StringBuilder Append(string value)
        {
            _buffer.Append(value);
            return this;
        }

        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            _buffer.Append(value);
            return this;
        }

        public StringBuilder Append(char value)
        {
            _buffer.Append(value);
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            _buffer.Append(value, repeatCount);
            return this;
        }

        public StringBuilder Append(bool value) => Append(value.ToString());

        public StringBuilder Append(int value) => AppendFormatted(value);

        public StringBuilder Append(uint value) => AppendFormatted(value);

        public StringBuilder Append(long value) => AppendFormatted(value);

        public StringBuilder Append(ulong value) => AppendFormatted(value);

        public StringBuilder Append(object value) => AppendFormatted(value);

        StringBuilder AppendFormatted<T>(T value)
        {
            _buffer.AppendFormatted(value, null, null);
            return this;
        }

        public StringBuilder AppendLine() => Append(Environment.NewLine);

        public StringBuilder AppendLine(string value) => Append(value).Append(Environment.NewLine);

        public StringBuilder Insert(int index, string value)
        {
            _buffer.Insert(index, value);
            return this;
        }

        public StringBuilder Insert(int index, char value)
        {
            _buffer.Insert(index, value, 1);
            return this;
        }

        public StringBuilder Clear()
        {
            _buffer.Clear();
            return this;
        }

        public override string ToString() => _buffer.ToString();
    }
}
