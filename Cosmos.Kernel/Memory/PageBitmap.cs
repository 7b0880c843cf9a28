using System.Numerics;

namespace Cosmos.Kernel.Memory
{
    // A set of bits [0, Count) in caller-provided memory, with find-first, find-last and find-next in O(levels):
    // level 0 holds the bits; bit j of a level-(k+1) word says whether word j of level k is non-zero. Four levels cover
    // 64^4 bits (64 GiB of pages), so every operation is a handful of word reads whatever the fill level.
    // The storage must start zeroed (all bits clear).
    public sealed unsafe class PageBitmap
    {
        const int MaxLevels = 8;

        readonly ulong* _words;
        readonly int[] _levelStart = new int[MaxLevels];
        readonly int _levels;

        public PageBitmap(ulong* storage, int count)
        {
            _words = storage;
            Count = count;
            int start = 0, words = WordsFor(count), level = 0;
            while (true)
            {
                _levelStart[level++] = start;
                start += words;
                if (words == 1) break;
                words = WordsFor(words);
            }
            _levels = level;
        }

        public int Count { get; }

        // Words of storage a bitmap of `count` bits needs, summaries included.
        public static int StorageWords(int count)
        {
            int total = 0, words = WordsFor(count);
            while (true)
            {
                total += words;
                if (words == 1) return total;
                words = WordsFor(words);
            }
        }

        static int WordsFor(int bits) => bits <= 64 ? 1 : (bits + 63) / 64;

        ulong* Level(int level) => _words + _levelStart[level];

        public bool IsSet(int index) => (Level(0)[index >> 6] & (1UL << index)) != 0;

        // Sets the bit; returns false when it was already set.
        public bool Set(int index)
        {
            for (int level = 0; level < _levels; level++)
            {
                ulong* word = Level(level) + (index >> 6);
                ulong before = *word;
                ulong bit = 1UL << index;
                if ((before & bit) != 0) return level > 0;
                *word = before | bit;
                if (before != 0) return true;       // the summaries above already say "non-zero"
                index >>= 6;
            }
            return true;
        }

        // Clears the bit; returns false when it was already clear.
        public bool Clear(int index)
        {
            for (int level = 0; level < _levels; level++)
            {
                ulong* word = Level(level) + (index >> 6);
                ulong bit = 1UL << index;
                if ((*word & bit) == 0) return level > 0;
                *word &= ~bit;
                if (*word != 0) return true;        // still non-zero: the summaries above stay as they are
                index >>= 6;
            }
            return true;
        }

        // The lowest set bit, or -1.
        public int FindFirst() => DescendLowest(_levels - 1, 0);

        // The highest set bit, or -1.
        public int FindLast()
        {
            int index = 0;
            for (int level = _levels - 1; level >= 0; level--)
            {
                ulong word = Level(level)[index];
                if (word == 0) return -1;
                index = index * 64 + 63 - BitOperations.LeadingZeroCount(word);
            }
            return index;
        }

        // The lowest set bit at or after `from`, or -1.
        public int FindNext(int from)
        {
            if (from >= Count) return -1;
            if (from < 0) from = 0;
            int position = from;
            for (int level = 0; level < _levels; level++)
            {
                int wordIndex = position >> 6;
                if (wordIndex < LevelWords(level))
                {
                    ulong word = Level(level)[wordIndex] & (~0UL << (position & 63));
                    if (word != 0) return DescendLowest(level - 1, wordIndex * 64 + BitOperations.TrailingZeroCount(word));
                }
                position = wordIndex + 1;           // the next word of this level, as a bit of the level above
            }
            return -1;
        }

        // The lowest clear bit in [from, end), or -1 when they are all set.
        public int FindNextClear(int from, int end)
        {
            ulong* bits = Level(0);
            for (int index = from; index < end;)
            {
                ulong clear = ~bits[index >> 6] & (~0UL << (index & 63));
                int wordEnd = (index | 63) + 1;
                if (clear != 0)
                {
                    int found = (index & ~63) + BitOperations.TrailingZeroCount(clear);
                    return found < end ? found : -1;
                }
                index = wordEnd;
            }
            return -1;
        }

        int LevelWords(int level) => level + 1 < _levels ? _levelStart[level + 1] - _levelStart[level] : 1;

        // From a set bit `index` of level `level + 1`'s view (i.e. a non-zero word of `level`), down to level 0.
        int DescendLowest(int level, int index)
        {
            for (; level >= 0; level--)
            {
                ulong word = Level(level)[index];
                if (word == 0) return -1;
                index = index * 64 + BitOperations.TrailingZeroCount(word);
            }
            return index;
        }
    }
}
