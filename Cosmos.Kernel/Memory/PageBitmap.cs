using System;
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
        public int FindLast() => DescendHighest(_levels - 1, 0);

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

        // The highest set bit at or before `from`, or -1.
        public int FindPrevious(int from)
        {
            if (from < 0) return -1;
            if (from >= Count) from = Count - 1;
            int position = from;
            for (int level = 0; level < _levels; level++)
            {
                int wordIndex = position >> 6;
                ulong word = Level(level)[wordIndex] & (~0UL >> (63 - (position & 63)));
                if (word != 0) return DescendHighest(level - 1, wordIndex * 64 + 63 - BitOperations.LeadingZeroCount(word));
                if (wordIndex == 0) return -1;
                position = wordIndex - 1;           // the previous word of this level, as a bit of the level above
            }
            return -1;
        }

        // The lowest `start` such that bits [start, start + length) are all set and start + phase is a multiple of
        // `alignment` (a power of two), or -1. Works a word at a time: runs inside a word are found with shifted ANDs,
        // runs across words are carried from word to word, and empty words are skipped through the summaries, so the
        // cost grows with the words visited, not with the set bits or runs passed.
        public int FindRun(int length, int alignment, int phase)
        {
            if (length <= 0 || alignment <= 0 || (alignment & (alignment - 1)) != 0) return -1;
            ulong* bits = Level(0);
            int words = LevelWords(0);
            int carriedStart = -1;                  // start of the run of set bits that reaches the current word
            ulong smallAlignmentPattern = alignment < 64 ? RepeatingPattern(alignment, AlignUp(0, alignment, phase)) : 0;
            for (int wordIndex = 0; wordIndex < words; wordIndex++)
            {
                ulong word = bits[wordIndex];
                int wordStart = wordIndex * 64;
                if (word == 0)
                {
                    int next = FindNext(wordStart + 64);
                    if (next < 0) return -1;
                    carriedStart = -1;
                    wordIndex = (next >> 6) - 1;
                    continue;
                }
                int runEnd = wordStart + BitOperations.TrailingZeroCount(~word);   // the carried run ends here
                int start = AlignUp(carriedStart >= 0 ? carriedStart : wordStart, alignment, phase);
                if (start + (long)length <= runEnd) return start;
                if (length <= 64)
                {
                    ulong aligned = alignment < 64 ? smallAlignmentPattern : AlignedPosition(wordStart, alignment, phase);
                    ulong starts = RunStarts(word, length) & aligned;
                    if (starts != 0) return wordStart + BitOperations.TrailingZeroCount(starts);
                }
                if (word == ~0UL)
                {
                    if (carriedStart < 0) carriedStart = wordStart;
                }
                else
                {
                    int topRun = BitOperations.LeadingZeroCount(~word);
                    carriedStart = topRun > 0 ? wordStart + 64 - topRun : -1;
                }
            }
            return -1;
        }

        // Bit i is set when bits [i, i + length) of the word are all set (1 <= length <= 64).
        static ulong RunStarts(ulong word, int length)
        {
            for (int covered = 1; covered < length;)
            {
                int shift = Math.Min(covered, length - covered);
                word &= word >> shift;
                covered += shift;
            }
            return word;
        }

        // Every alignment-th bit from `first` (alignment < 64, first < alignment): the aligned positions of any word,
        // since words start at multiples of 64.
        static ulong RepeatingPattern(int alignment, int first) => (~0UL / ((1UL << alignment) - 1)) << first;

        // The bit of the one aligned position in the word that starts at wordStart, if any (alignment >= 64).
        static ulong AlignedPosition(int wordStart, int alignment, int phase)
        {
            int offset = AlignUp(wordStart, alignment, phase) - wordStart;
            return offset < 64 ? 1UL << offset : 0;
        }

        // The lowest value >= `value` that, plus phase, is a multiple of alignment.
        static int AlignUp(int value, int alignment, int phase)
            => value + (int)((ulong)(alignment - (value + phase) % alignment) % (ulong)alignment);

        int LevelWords(int level) => level + 1 < _levels ? _levelStart[level + 1] - _levelStart[level] : 1;

        // From a set bit `index` of level `level + 1`'s view (i.e. a non-zero word of `level`), down to level 0,
        // following the highest set bit of each word.
        int DescendHighest(int level, int index)
        {
            for (; level >= 0; level--)
            {
                ulong word = Level(level)[index];
                if (word == 0) return -1;
                index = index * 64 + 63 - BitOperations.LeadingZeroCount(word);
            }
            return index;
        }

        // The same, following the lowest set bit of each word.
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
