namespace System
{
    // Integer formatting behind the primitives' ToString. Formats: null/"" or "D[n]" decimal, "X[n]"/"x[n]" hex.
    internal static unsafe class Number
    {
        internal static string FormatInt64(long value, string format, int size)
        {
            if (IsHex(format))
            {
                // Hex shows the two's complement of the value's own width, as the BCL does.
                ulong bits = size == sizeof(long) ? (ulong)value : (ulong)value & ((1UL << (size * 8)) - 1);
                return FormatHex(bits, format);
            }
            if (value >= 0) return FormatDecimal((ulong)value, false, Precision(format));
            return FormatDecimal((ulong)(-(value + 1)) + 1, true, Precision(format));
        }

        internal static string FormatUInt64(ulong value, string format)
            => IsHex(format) ? FormatHex(value, format) : FormatDecimal(value, false, Precision(format));

        static bool IsHex(string format) => format != null && format.Length > 0 && (format[0] == 'X' || format[0] == 'x');

        static int Precision(string format)
        {
            if (format == null || format.Length == 0) return 1;
            char kind = format[0];
            if (kind != 'D' && kind != 'd' && kind != 'X' && kind != 'x') Environment.FailFast("unsupported number format");
            int digits = 0;
            for (int i = 1; i < format.Length; i++)
            {
                if (!char.IsDigit(format[i])) Environment.FailFast("unsupported number format");
                digits = digits * 10 + (format[i] - '0');
            }
            return digits == 0 ? 1 : digits;
        }

        static string FormatDecimal(ulong value, bool negative, int minDigits)
        {
            char* buffer = stackalloc char[32];
            int pos = 32;
            do
            {
                buffer[--pos] = (char)('0' + (int)(value % 10));
                value /= 10;
            } while (value != 0);
            while (32 - pos < minDigits && pos > 1) buffer[--pos] = '0';
            if (negative) buffer[--pos] = '-';
            return new string(buffer, pos, 32 - pos);
        }

        static string FormatHex(ulong value, string format)
        {
            int minDigits = Precision(format);
            char letterBase = format[0] == 'X' ? 'A' : 'a';
            char* buffer = stackalloc char[32];
            int pos = 32;
            do
            {
                int digit = (int)(value & 0xF);
                buffer[--pos] = (char)(digit < 10 ? '0' + digit : letterBase + digit - 10);
                value >>= 4;
            } while (value != 0);
            while (32 - pos < minDigits && pos > 0) buffer[--pos] = '0';
            return new string(buffer, pos, 32 - pos);
        }
    }
}
