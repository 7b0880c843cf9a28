using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Memory;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory
{
    [TestFixture]
    public unsafe class PageBitmapTests
    {
        static readonly int[] Sizes = { 1, 63, 64, 65, 4095, 4096, 4097, 262145 };

        readonly List<IntPtr> _storage = new List<IntPtr>();

        PageBitmap NewBitmap(int count)
        {
            var words = (ulong*)NativeMemory.AllocZeroed((nuint)PageBitmap.StorageWords(count), sizeof(ulong));
            _storage.Add((IntPtr)words);
            return new PageBitmap(words, count);
        }

        [TearDown]
        public void FreeStorage()
        {
            foreach (IntPtr p in _storage) NativeMemory.Free((void*)p);
            _storage.Clear();
        }

        // Positions worth probing for a size: both ends, and each side of every word and summary boundary.
        static IEnumerable<int> Interesting(int count)
        {
            var set = new SortedSet<int> { 0, 1, count / 2, count - 2, count - 1 };
            foreach (int b in new[] { 64, 4096, 262144 })
                for (int k = 1; (long)k * b <= count + 1; k = k < 3 ? k + 1 : k * 2)
                    for (int d = -1; d <= 1; d++) set.Add(k * b + d);
            set.RemoveWhere(i => i < 0 || i >= count);
            return set;
        }

        [TestCase(1, 1)]
        [TestCase(63, 1)]
        [TestCase(64, 1)]
        [TestCase(65, 3)]               // 2 bit words + 1 summary
        [TestCase(4096, 65)]            // 64 + 1
        [TestCase(4097, 68)]            // 65 + 2 + 1
        [TestCase(262145, 4165)]        // 4097 + 65 + 2 + 1: four levels
        public void StorageWordsCountsEveryLevel(int count, int words)
        {
            Assert.That(PageBitmap.StorageWords(count), Is.EqualTo(words));
        }

        [TestCaseSource(nameof(Sizes))]
        public void SetAndClearReportWhetherTheBitChanged(int count)
        {
            PageBitmap bitmap = NewBitmap(count);
            foreach (int i in Interesting(count))
            {
                Assert.That(bitmap.IsSet(i), Is.False, "fresh bit " + i);
                Assert.That(bitmap.Clear(i), Is.False, "clearing clear bit " + i);
                Assert.That(bitmap.Set(i), Is.True, "setting clear bit " + i);
                Assert.That(bitmap.IsSet(i), Is.True, "after set " + i);
                Assert.That(bitmap.Set(i), Is.False, "setting set bit " + i);
            }
            foreach (int i in Interesting(count))
            {
                Assert.That(bitmap.Clear(i), Is.True, "clearing set bit " + i);
                Assert.That(bitmap.IsSet(i), Is.False, "after clear " + i);
                Assert.That(bitmap.Clear(i), Is.False, "clearing it again " + i);
            }
        }

        [TestCaseSource(nameof(Sizes))]
        public void AnEmptyBitmapFindsNothing(int count)
        {
            PageBitmap bitmap = NewBitmap(count);
            Assert.That(bitmap.FindFirst(), Is.EqualTo(-1));
            Assert.That(bitmap.FindLast(), Is.EqualTo(-1));
            Assert.That(bitmap.FindNext(0), Is.EqualTo(-1));
            Assert.That(bitmap.FindRun(1, 1, 0), Is.EqualTo(-1));
        }

        [TestCaseSource(nameof(Sizes))]
        public void ASingleSetBitIsFoundFromEveryDirection(int count)
        {
            PageBitmap bitmap = NewBitmap(count);
            foreach (int i in Interesting(count))
            {
                bitmap.Set(i);
                Assert.That(bitmap.FindFirst(), Is.EqualTo(i), "FindFirst, bit " + i);
                Assert.That(bitmap.FindLast(), Is.EqualTo(i), "FindLast, bit " + i);
                Assert.That(bitmap.FindNext(0), Is.EqualTo(i), "FindNext(0), bit " + i);
                Assert.That(bitmap.FindNext(i), Is.EqualTo(i), "FindNext(i), bit " + i);
                Assert.That(bitmap.FindNext(i + 1), Is.EqualTo(-1), "FindNext(i+1), bit " + i);
                if (i > 0) Assert.That(bitmap.FindNext(i - 1), Is.EqualTo(i), "FindNext(i-1), bit " + i);
                Assert.That(bitmap.FindPrevious(count - 1), Is.EqualTo(i), "FindPrevious(Count-1), bit " + i);
                Assert.That(bitmap.FindPrevious(i), Is.EqualTo(i), "FindPrevious(i), bit " + i);
                Assert.That(bitmap.FindPrevious(i - 1), Is.EqualTo(-1), "FindPrevious(i-1), bit " + i);
                bitmap.Clear(i);
                Assert.That(bitmap.FindFirst(), Is.EqualTo(-1), "after clearing bit " + i + " the summaries must be clear");
                Assert.That(bitmap.FindLast(), Is.EqualTo(-1), "after clearing bit " + i);
            }
        }

        [TestCaseSource(nameof(Sizes))]
        public void FindNextStepsAcrossWordAndLevelBoundaries(int count)
        {
            PageBitmap bitmap = NewBitmap(count);
            var bits = new List<int>(Interesting(count));
            foreach (int i in bits) bitmap.Set(i);
            Assert.That(bitmap.FindFirst(), Is.EqualTo(bits[0]));
            Assert.That(bitmap.FindLast(), Is.EqualTo(bits[bits.Count - 1]));
            var walked = new List<int>();
            for (int i = bitmap.FindNext(0); i >= 0; i = bitmap.FindNext(i + 1)) walked.Add(i);
            Assert.That(walked, Is.EqualTo(bits));
            // From each gap, the next bit is the one after the gap.
            for (int k = 0; k + 1 < bits.Count; k++)
                if (bits[k + 1] - bits[k] > 1)
                    Assert.That(bitmap.FindNext(bits[k] + 1), Is.EqualTo(bits[k + 1]), "from " + (bits[k] + 1));
            Assert.That(bitmap.FindNext(count), Is.EqualTo(-1), "from Count");
            Assert.That(bitmap.FindNext(-5), Is.EqualTo(bits[0]), "a negative start means 0");
            var walkedBack = new List<int>();
            for (int i = bitmap.FindPrevious(count - 1); i >= 0; i = bitmap.FindPrevious(i - 1)) walkedBack.Add(i);
            walkedBack.Reverse();
            Assert.That(walkedBack, Is.EqualTo(bits), "FindPrevious walks the same bits backwards");
            Assert.That(bitmap.FindPrevious(count + 100), Is.EqualTo(bits[bits.Count - 1]), "a start past the end means the last bit");
            Assert.That(bitmap.FindPrevious(-1), Is.EqualTo(-1), "before the first bit");
        }

        [TestCaseSource(nameof(Sizes))]
        public void FindRunFindsARunEndingAtEveryBoundary(int count)
        {
            PageBitmap bitmap = NewBitmap(count);
            foreach (int end in Interesting(count))
                foreach (int length in new[] { 1, 2, 63, 64, 65, 130 })
                {
                    int start = end + 1 - length;
                    if (start < 0) continue;
                    for (int i = start; i <= end; i++) bitmap.Set(i);
                    Assert.That(bitmap.FindRun(length, 1, 0), Is.EqualTo(start), "run [" + start + ", " + end + "]");
                    Assert.That(bitmap.FindRun(length + 1, 1, 0), Is.EqualTo(-1), "one longer than [" + start + ", " + end + "]");
                    for (int i = start; i <= end; i++) bitmap.Clear(i);
                }
        }

        [Test]
        public void FindRunHonoursAlignmentAndPhase()
        {
            PageBitmap bitmap = NewBitmap(4096);
            for (int i = 100; i < 300; i++) bitmap.Set(i);
            Assert.That(bitmap.FindRun(16, 1, 0), Is.EqualTo(100));
            Assert.That(bitmap.FindRun(16, 8, 0), Is.EqualTo(104), "the first multiple of 8 in the run");
            Assert.That(bitmap.FindRun(16, 8, 3), Is.EqualTo(101), "101 + 3 is a multiple of 8");
            Assert.That(bitmap.FindRun(16, 128, 0), Is.EqualTo(128));
            Assert.That(bitmap.FindRun(16, 128, 100), Is.EqualTo(156), "156 + 100 = 256");
            Assert.That(bitmap.FindRun(100, 128, 0), Is.EqualTo(128));
            Assert.That(bitmap.FindRun(173, 128, 0), Is.EqualTo(-1), "[128, 301) is too short");
            Assert.That(bitmap.FindRun(200, 1, 0), Is.EqualTo(100), "the whole run");
            Assert.That(bitmap.FindRun(200, 8, 0), Is.EqualTo(-1), "from 104, the first multiple of 8, too little is left");
            Assert.That(bitmap.FindRun(16, 1024, 0), Is.EqualTo(-1), "no multiple of 1024 in the run");
            Assert.That(bitmap.FindRun(0, 1, 0), Is.EqualTo(-1), "length 0");
            Assert.That(bitmap.FindRun(1, 3, 0), Is.EqualTo(-1), "alignment not a power of two");
        }

        [Test]
        public void FourLevelBitmapSeparatesNeighbouringSummaryBlocks()
        {
            // 262145 bits: bit 262144 alone in the last level-0 word, whose summary chain is separate up to the top.
            PageBitmap bitmap = NewBitmap(262145);
            bitmap.Set(262143);
            bitmap.Set(262144);
            Assert.That(bitmap.FindLast(), Is.EqualTo(262144));
            bitmap.Clear(262144);
            Assert.That(bitmap.FindLast(), Is.EqualTo(262143));
            Assert.That(bitmap.FindNext(262144), Is.EqualTo(-1));
            bitmap.Set(0);
            bitmap.Clear(262143);
            Assert.That(bitmap.FindLast(), Is.EqualTo(0));
            Assert.That(bitmap.FindNext(1), Is.EqualTo(-1));
        }

        [Test]
        public void MatchesABoolArrayOverRandomOperations([Values(1, 2, 3, 0)] int seed, [ValueSource(nameof(Sizes))] int count)
        {
            if (seed == 0) seed = Environment.TickCount & int.MaxValue | 1;   // a fresh seed per run, reported below
            TestContext.Out.WriteLine("seed " + seed);
            var random = new Random(seed);
            PageBitmap bitmap = NewBitmap(count);
            var model = new bool[count];
            // Positions are drawn from the boundary positions half of the time so that the interesting words are busy.
            int[] hot = new List<int>(Interesting(count)).ToArray();
            int Position() => random.Next(2) == 0 ? hot[random.Next(hot.Length)] : random.Next(count);
            string Where(int op, string what) => "seed " + seed + ", size " + count + ", op " + op + ": " + what;

            int operations = 4000;
            for (int op = 0; op < operations; op++)
            {
                int i = Position();
                switch (random.Next(7))
                {
                    case 0:
                        Assert.That(bitmap.Set(i), Is.EqualTo(!model[i]), Where(op, "Set(" + i + ")"));
                        model[i] = true;
                        break;
                    case 1:                         // a run, so that FindRun has runs of every length to find
                        for (int end = Math.Min(count, i + random.Next(300)); i < end; i++)
                        {
                            bitmap.Set(i);
                            model[i] = true;
                        }
                        break;
                    case 2:
                        Assert.That(bitmap.Clear(i), Is.EqualTo(model[i]), Where(op, "Clear(" + i + ")"));
                        model[i] = false;
                        break;
                    case 3:
                        Assert.That(bitmap.FindNext(i), Is.EqualTo(ModelNext(model, i)), Where(op, "FindNext(" + i + ")"));
                        Assert.That(bitmap.FindPrevious(i), Is.EqualTo(ModelPrevious(model, i)), Where(op, "FindPrevious(" + i + ")"));
                        break;
                    case 4:
                        Assert.That(bitmap.FindFirst(), Is.EqualTo(ModelNext(model, 0)), Where(op, "FindFirst()"));
                        Assert.That(bitmap.FindLast(), Is.EqualTo(ModelLast(model)), Where(op, "FindLast()"));
                        break;
                    case 5:
                    {
                        int length = 1 + random.Next(3) switch { 0 => random.Next(4), 1 => random.Next(70), _ => random.Next(200) };
                        int alignment = 1 << random.Next(9), phase = random.Next(alignment);
                        Assert.That(bitmap.FindRun(length, alignment, phase), Is.EqualTo(ModelRun(model, length, alignment, phase)),
                                    Where(op, "FindRun(" + length + ", " + alignment + ", " + phase + ")"));
                        break;
                    }
                    case 6:
                        Assert.That(bitmap.IsSet(i), Is.EqualTo(model[i]), Where(op, "IsSet(" + i + ")"));
                        break;
                }
            }
            for (int i = 0; i < count; i++)
                if (bitmap.IsSet(i) != model[i]) Assert.Fail(Where(operations, "bit " + i + " differs at the end"));
        }

        static int ModelNext(bool[] model, int from)
        {
            for (int i = Math.Max(0, from); i < model.Length; i++) if (model[i]) return i;
            return -1;
        }

        static int ModelLast(bool[] model) => ModelPrevious(model, model.Length - 1);

        static int ModelPrevious(bool[] model, int from)
        {
            for (int i = Math.Min(from, model.Length - 1); i >= 0; i--) if (model[i]) return i;
            return -1;
        }

        // The lowest aligned start of `length` set bits, from the run length at every position.
        static int ModelRun(bool[] model, int length, int alignment, int phase)
        {
            var runFrom = new int[model.Length + 1];
            for (int i = model.Length - 1; i >= 0; i--) runFrom[i] = model[i] ? runFrom[i + 1] + 1 : 0;
            for (int i = 0; i < model.Length; i++)
                if ((i + phase) % alignment == 0 && runFrom[i] >= length) return i;
            return -1;
        }
    }
}
