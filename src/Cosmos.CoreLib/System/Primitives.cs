// The primitive types. Each wraps its own value (m_value), which Roslyn and ILC special-case. Integers format
// through Number; format providers are accepted and ignored (the corelib is invariant).
namespace System
{
    public readonly struct Boolean : IEquatable<bool>
    {
        private readonly bool m_value;
        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";
        public override string ToString() => m_value ? TrueString : FalseString;
        public bool Equals(bool obj) => m_value == obj;
        public override bool Equals(object obj) => obj is bool other && other == m_value;
        public override int GetHashCode() => m_value ? 1 : 0;
    }

    public readonly struct Char : IEquatable<char>
    {
        private readonly char m_value;
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0;
        public override string ToString() => string.CreateFromChar(m_value);
        public bool Equals(char obj) => m_value == obj;
        public override bool Equals(object obj) => obj is char other && other == m_value;
        public override int GetHashCode() => m_value;
        public static bool IsDigit(char c) => c >= '0' && c <= '9';
        public static bool IsWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u0085';
    }

    public readonly struct SByte : IEquatable<sbyte>, ISpanFormattable
    {
        private readonly sbyte m_value;
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        public override string ToString() => Number.FormatInt64(m_value, default, sizeof(sbyte));
        public string ToString(string format) => Number.FormatInt64(m_value, format, sizeof(sbyte));
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, sizeof(sbyte));
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, sizeof(sbyte), destination, out charsWritten);
        public bool Equals(sbyte obj) => m_value == obj;
        public override bool Equals(object obj) => obj is sbyte other && other == m_value;
        public override int GetHashCode() => m_value;
    }

    public readonly struct Byte : IEquatable<byte>, ISpanFormattable
    {
        private readonly byte m_value;
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        public override string ToString() => Number.FormatUInt64(m_value, default);
        public string ToString(string format) => Number.FormatUInt64(m_value, format);
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, destination, out charsWritten);
        public bool Equals(byte obj) => m_value == obj;
        public override bool Equals(object obj) => obj is byte other && other == m_value;
        public override int GetHashCode() => m_value;
    }

    public readonly struct Int16 : IEquatable<short>, ISpanFormattable
    {
        private readonly short m_value;
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        public override string ToString() => Number.FormatInt64(m_value, default, sizeof(short));
        public string ToString(string format) => Number.FormatInt64(m_value, format, sizeof(short));
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, sizeof(short));
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, sizeof(short), destination, out charsWritten);
        public bool Equals(short obj) => m_value == obj;
        public override bool Equals(object obj) => obj is short other && other == m_value;
        public override int GetHashCode() => m_value;
    }

    public readonly struct UInt16 : IEquatable<ushort>, ISpanFormattable
    {
        private readonly ushort m_value;
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
        public override string ToString() => Number.FormatUInt64(m_value, default);
        public string ToString(string format) => Number.FormatUInt64(m_value, format);
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, destination, out charsWritten);
        public bool Equals(ushort obj) => m_value == obj;
        public override bool Equals(object obj) => obj is ushort other && other == m_value;
        public override int GetHashCode() => m_value;
    }

    public readonly struct Int32 : IEquatable<int>, IComparable<int>, ISpanFormattable
    {
        private readonly int m_value;
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public override string ToString() => Number.FormatInt64(m_value, default, sizeof(int));
        public string ToString(string format) => Number.FormatInt64(m_value, format, sizeof(int));
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, sizeof(int));
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, sizeof(int), destination, out charsWritten);
        public bool Equals(int obj) => m_value == obj;
        public override bool Equals(object obj) => obj is int other && other == m_value;
        public override int GetHashCode() => m_value;
        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;
    }

    public readonly struct UInt32 : IEquatable<uint>, IComparable<uint>, ISpanFormattable
    {
        private readonly uint m_value;
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0;
        public override string ToString() => Number.FormatUInt64(m_value, default);
        public string ToString(string format) => Number.FormatUInt64(m_value, format);
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, destination, out charsWritten);
        public bool Equals(uint obj) => m_value == obj;
        public override bool Equals(object obj) => obj is uint other && other == m_value;
        public override int GetHashCode() => (int)m_value;
        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;
    }

    public readonly struct Int64 : IEquatable<long>, IComparable<long>, ISpanFormattable
    {
        private readonly long m_value;
        public const long MaxValue = 0x7fffffffffffffffL;
        public const long MinValue = unchecked((long)0x8000000000000000L);
        public override string ToString() => Number.FormatInt64(m_value, default, sizeof(long));
        public string ToString(string format) => Number.FormatInt64(m_value, format, sizeof(long));
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, sizeof(long));
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, sizeof(long), destination, out charsWritten);
        public bool Equals(long obj) => m_value == obj;
        public override bool Equals(object obj) => obj is long other && other == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;
    }

    public readonly struct UInt64 : IEquatable<ulong>, IComparable<ulong>, ISpanFormattable
    {
        private readonly ulong m_value;
        public const ulong MaxValue = 0xffffffffffffffffUL;
        public const ulong MinValue = 0;
        public override string ToString() => Number.FormatUInt64(m_value, default);
        public string ToString(string format) => Number.FormatUInt64(m_value, format);
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, destination, out charsWritten);
        public bool Equals(ulong obj) => m_value == obj;
        public override bool Equals(object obj) => obj is ulong other && other == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;
    }

    public readonly struct IntPtr : IEquatable<nint>, ISpanFormattable
    {
        private readonly nint m_value;
        public static readonly nint Zero;
        public static int Size => sizeof(long);
        public override string ToString() => Number.FormatInt64(m_value, default, sizeof(long));
        public string ToString(string format) => Number.FormatInt64(m_value, format, sizeof(long));
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, sizeof(long));
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, sizeof(long), destination, out charsWritten);
        public bool Equals(nint other) => m_value == other;
        public override bool Equals(object obj) => obj is nint other && other == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)((long)m_value >> 32);
    }

    public readonly struct UIntPtr : IEquatable<nuint>, ISpanFormattable
    {
        private readonly nuint m_value;
        public static readonly nuint Zero;
        public static int Size => sizeof(ulong);
        public override string ToString() => Number.FormatUInt64(m_value, default);
        public string ToString(string format) => Number.FormatUInt64(m_value, format);
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, destination, out charsWritten);
        public bool Equals(nuint other) => m_value == other;
        public override bool Equals(object obj) => obj is nuint other && other == m_value;
        public override int GetHashCode() => (int)m_value ^ (int)((ulong)m_value >> 32);
    }

    public readonly struct Single
    {
        private readonly float m_value;
    }

    public readonly struct Double
    {
        private readonly double m_value;
    }
}
