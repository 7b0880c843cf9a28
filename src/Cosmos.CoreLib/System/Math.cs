namespace System
{
    // Integer basics. Abs of the most negative value has no positive counterpart: OverflowException, as in the BCL.
    public static class Math
    {
        public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;
        public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;
        public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;
        public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;

        public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;
        public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;
        public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;
        public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;

        public static int Abs(int value)
        {
            if (value == int.MinValue) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            return value < 0 ? -value : value;
        }

        public static long Abs(long value)
        {
            if (value == long.MinValue) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            return value < 0 ? -value : value;
        }

        public static int Clamp(int value, int min, int max)
        {
            if (min > max) throw new ArgumentException("min must not exceed max.");
            return value < min ? min : value > max ? max : value;
        }

        // Checked floating-point conversions: ILC calls these by name for conv.ovf on a double.
        internal static int ConvertToInt32Checked(double value)
        {
            if (!(value > int.MinValue - 1.0 && value < int.MaxValue + 1.0)) throw new OverflowException();
            return (int)value;
        }

        internal static uint ConvertToUInt32Checked(double value)
        {
            if (!(value > -1.0 && value < uint.MaxValue + 1.0)) throw new OverflowException();
            return (uint)value;
        }

        internal static long ConvertToInt64Checked(double value)
        {
            if (!(value >= -9223372036854775808.0 && value < 9223372036854775808.0)) throw new OverflowException();
            return (long)value;
        }

        internal static ulong ConvertToUInt64Checked(double value)
        {
            if (!(value > -1.0 && value < 18446744073709551616.0)) throw new OverflowException();
            return (ulong)value;
        }
    }
}
