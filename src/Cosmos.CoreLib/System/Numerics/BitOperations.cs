using System.Runtime.CompilerServices;

namespace System.Numerics
{
    // Bit scans. [Intrinsic]: ILC emits tzcnt/lzcnt/popcnt (or bsf/bsr) where the target allows; the bodies are the
    // portable fallback.
    public static class BitOperations
    {
        [Intrinsic]
        public static int TrailingZeroCount(ulong value)
        {
            if (value == 0) return 64;
            int count = 0;
            if ((value & 0xFFFFFFFF) == 0) { count += 32; value >>= 32; }
            if ((value & 0xFFFF) == 0) { count += 16; value >>= 16; }
            if ((value & 0xFF) == 0) { count += 8; value >>= 8; }
            if ((value & 0xF) == 0) { count += 4; value >>= 4; }
            if ((value & 0x3) == 0) { count += 2; value >>= 2; }
            if ((value & 0x1) == 0) count += 1;
            return count;
        }

        [Intrinsic]
        public static int LeadingZeroCount(ulong value)
        {
            if (value == 0) return 64;
            int count = 0;
            if ((value >> 32) == 0) { count += 32; value <<= 32; }
            if ((value >> 48) == 0) { count += 16; value <<= 16; }
            if ((value >> 56) == 0) { count += 8; value <<= 8; }
            if ((value >> 60) == 0) { count += 4; value <<= 4; }
            if ((value >> 62) == 0) { count += 2; value <<= 2; }
            if ((value >> 63) == 0) count += 1;
            return count;
        }

        [Intrinsic]
        public static int PopCount(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }

        public static int Log2(ulong value) => 63 - LeadingZeroCount(value | 1);
    }
}
