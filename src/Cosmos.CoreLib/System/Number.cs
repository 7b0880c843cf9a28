namespace System
{
    // Integer formatting: every integer ToString, TryFormat, interpolation hole and StringBuilder.Append ends here.
    // Formats: null/"" or "G"/"D[n]" decimal, "X[n]"/"x[n]" hex. Anything else is a FormatException.
    internal static unsafe class Number
    {
        internal static string FormatInt64(long value, ReadOnlySpan<char> format, int size)
        {
            Layout layout = LayOutInt64(value, format, size);
            string result = string.FastAllocateString(layout.Length);
            fixed (char* chars = result) layout.Write(chars);
            return result;
        }

        internal static string FormatUInt64(ulong value, ReadOnlySpan<char> format)
        {
            Layout layout = LayOut(value, false, format);
            string result = string.FastAllocateString(layout.Length);
            fixed (char* chars = result) layout.Write(chars);
            return result;
        }

        internal static bool TryFormatInt64(long value, ReadOnlySpan<char> format, int size, Span<char> destination, out int charsWritten)
            => TryWrite(LayOutInt64(value, format, size), destination, out charsWritten);

        internal static bool TryFormatUInt64(ulong value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
            => TryWrite(LayOut(value, false, format), destination, out charsWritten);

        // size: the value's width in bytes. Hex shows the two's complement of that width, as the BCL does.
        static Layout LayOutInt64(long value, ReadOnlySpan<char> format, int size)
        {
            if (IsHex(format))
                return LayOut(size == sizeof(long) ? (ulong)value : (ulong)value & ((1UL << (size * 8)) - 1), false, format);
            // -(value + 1) + 1 keeps long.MinValue in range.
            return value >= 0 ? LayOut((ulong)value, false, format) : LayOut((ulong)(-(value + 1)) + 1, true, format);
        }

        static bool TryWrite(Layout layout, Span<char> destination, out int charsWritten)
        {
            if (layout.Length > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            fixed (char* chars = destination) layout.Write(chars);
            charsWritten = layout.Length;
            return true;
        }

        static bool IsHex(ReadOnlySpan<char> format) => format.Length > 0 && (format[0] == 'X' || format[0] == 'x');

        static Layout LayOut(ulong magnitude, bool negative, ReadOnlySpan<char> format)
        {
            Layout layout;
            layout.Magnitude = magnitude;
            layout.Negative = negative;
            layout.Radix = 10;
            layout.LetterBase = 'A';
            int precision = 0;
            if (format.Length > 0)
            {
                char kind = format[0];
                if (kind == 'X' || kind == 'x')
                {
                    layout.Radix = 16;
                    layout.LetterBase = kind == 'X' ? 'A' : 'a';
                }
                else if (kind != 'D' && kind != 'd' && kind != 'G' && kind != 'g') throw new FormatException("Format specifier was invalid.");
                for (int i = 1; i < format.Length; i++)
                {
                    if (!char.IsDigit(format[i]) || precision > 99_999) throw new FormatException("Format specifier was invalid.");
                    precision = precision * 10 + (format[i] - '0');
                }
            }
            int digits = 1;
            for (ulong rest = magnitude / layout.Radix; rest != 0; rest /= layout.Radix) digits++;
            layout.Digits = digits > precision ? digits : precision;
            layout.Length = layout.Digits + (negative ? 1 : 0);
            return layout;
        }

        // What a formatted number looks like before it is written: measured first, so callers can size the target.
        struct Layout
        {
            public ulong Magnitude;
            public bool Negative;
            public uint Radix;
            public char LetterBase;
            public int Digits;   // including leading zeros
            public int Length;   // including the sign

            public void Write(char* destination)
            {
                char* p = destination + Length;
                ulong value = Magnitude;
                for (int i = 0; i < Digits; i++)
                {
                    int digit = (int)(value % Radix);
                    *--p = (char)(digit < 10 ? '0' + digit : LetterBase + digit - 10);
                    value /= Radix;
                }
                if (Negative) *--p = '-';
            }
        }
    }
}
