using System.Text;

namespace System.Runtime.CompilerServices
{
    // Marks a type the C# compiler may build an interpolated string with.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerAttribute : Attribute
    {
    }

    // What C# lowers $"..." to: the literal parts and the holes are appended in order, then ToStringAndClear.
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        // Room guessed per hole when sizing the first buffer (the BCL's figure).
        const int GuessedLengthPerHole = 11;

        CharBuffer _buffer;
        readonly IFormatProvider _provider;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount) : this(literalLength, formattedCount, null) { }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider)
        {
            _buffer = new CharBuffer(literalLength + formattedCount * GuessedLengthPerHole);
            _provider = provider;
        }

        public void AppendLiteral(string value) => _buffer.Append(value);

        public void AppendFormatted<T>(T value) => _buffer.AppendFormatted(value, null, _provider);

        public void AppendFormatted<T>(T value, string format) => _buffer.AppendFormatted(value, format, _provider);

        public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

        public void AppendFormatted<T>(T value, int alignment, string format)
        {
            int start = _buffer.Length;
            _buffer.AppendFormatted(value, format, _provider);
            _buffer.Align(start, alignment);
        }

        public void AppendFormatted(scoped ReadOnlySpan<char> value) => _buffer.Append(value);

        public void AppendFormatted(scoped ReadOnlySpan<char> value, int alignment = 0, string format = null)
        {
            int start = _buffer.Length;
            _buffer.Append(value);
            _buffer.Align(start, alignment);
        }

        public void AppendFormatted(string value) => _buffer.Append(value);

        public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendFormatted<string>(value, alignment, format);

        public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendFormatted<object>(value, alignment, format);

        public override string ToString() => _buffer.ToString();

        public string ToStringAndClear()
        {
            string result = _buffer.ToString();
            this = default;
            return result;
        }
    }
}
