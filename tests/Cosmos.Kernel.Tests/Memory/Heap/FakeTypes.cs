using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Tests.Memory.Heap
{
    // MethodTables as ILC 10 lays them out for x64, built in unmanaged memory for the heap tests: the flags and base
    // size words, and below them the GC descriptor, encoded here by following ILC's GCDescEncoder rules (independently
    // of the kernel's decoder). Offsets are relative to the object reference (the MethodTable pointer is at 0).
    // All of them lie in one block, Range, as a kernel's types lie in its image.
    public sealed unsafe class FakeTypes : IDisposable
    {
        const uint HasComponentSize = 0x80000000, HasPointers = 0x01000000;
        const int ArenaBytes = 1 << 20;

        readonly byte* _arena = (byte*)NativeMemory.AllocZeroed(ArenaBytes);
        int _used;

        public MemoryRange Range => new MemoryRange((ulong)_arena, (ulong)_arena + ArenaBytes);

        public sealed class FakeType
        {
            public ulong MethodTable;
            public uint BaseSize;
            public ushort ComponentSize;
            public int[] ReferenceOffsets;              // plain objects
            public int[] ElementReferenceOffsets;       // arrays: offsets within an element
            public bool IsArray => ComponentSize != 0 || ElementReferenceOffsets != null;

            // Where an instance of this type (with `length` elements) holds references: the decoder must find exactly these.
            public IEnumerable<int> ReferencesOf(int length)
            {
                if (!IsArray) return ReferenceOffsets;
                return Enumerable.Range(0, length).SelectMany(i => (ElementReferenceOffsets ?? Array.Empty<int>()).Select(o => 16 + i * ComponentSize + o));
            }

            public ulong SizeFor(int length) => (BaseSize + (ulong)length * ComponentSize + 7) & ~7UL;
        }

        // A class whose fields end at baseSize (header included) with references at the given offsets.
        public FakeType Plain(uint baseSize, params int[] referenceOffsets)
        {
            var series = new List<long>();
            foreach (var (start, count) in Runs(referenceOffsets))
            {
                series.Add(count * 8 - baseSize);       // size, stored minus the object's size
                series.Add(start);                       // offset
            }
            return Build(series, referenceOffsets.Length > 0, baseSize, 0, new FakeType { BaseSize = baseSize, ReferenceOffsets = referenceOffsets });
        }

        // An array (or string) whose elements hold no references.
        public FakeType ValueArray(ushort componentSize, uint baseSize = 24)
            => Build(new List<long>(), false, baseSize, componentSize, new FakeType { BaseSize = baseSize, ComponentSize = componentSize });

        // object[]: one series covering any length.
        public FakeType ReferenceArray()
            => Build(new List<long> { -(16 + 8), 16 }, true, 24, 8,
                     new FakeType { BaseSize = 24, ComponentSize = 8, ElementReferenceOffsets = new[] { 0 } });

        // An array of structs of `elementSize` bytes with references at the given offsets in each element: the
        // repeating form, {pointer count, skip} pairs for the runs of one element, then where element 0's first run is.
        public FakeType StructArray(ushort elementSize, params int[] referenceOffsets)
        {
            int cells = elementSize / 8;
            var isReference = new bool[cells];
            foreach (int offset in referenceOffsets) isReference[offset / 8] = true;
            int leading = 0;
            while (!isReference[leading]) leading++;
            var pairs = new List<(int Count, int Skip)>();
            for (int cell = leading; cell < cells;)
            {
                int count = 0;
                while (cell < cells && isReference[cell]) { count++; cell++; }
                int skip = 0;
                while (cell < cells && !isReference[cell]) { skip++; cell++; }
                pairs.Add((count, skip));
            }
            // The last run's skip reaches over the next element's leading non-references.
            pairs[pairs.Count - 1] = (pairs[^1].Count, (pairs[^1].Skip + leading) * 8);
            for (int i = 0; i < pairs.Count - 1; i++) pairs[i] = (pairs[i].Count, pairs[i].Skip * 8);
            var words = new List<long>();
            for (int i = pairs.Count - 1; i >= 0; i--) words.Add((long)((ulong)(uint)pairs[i].Count | (ulong)(uint)pairs[i].Skip << 32));
            words.Add(16 + leading * 8);
            int numSeries = -pairs.Count;
            return BuildRaw(words, numSeries, 24, elementSize,
                            new FakeType { BaseSize = 24, ComponentSize = elementSize, ElementReferenceOffsets = referenceOffsets });
        }

        static IEnumerable<(int Start, int Count)> Runs(int[] offsets)
        {
            int[] sorted = offsets.OrderBy(o => o).ToArray();
            for (int i = 0; i < sorted.Length;)
            {
                int start = sorted[i], count = 1;
                while (i + count < sorted.Length && sorted[i + count] == start + 8 * count) count++;
                yield return (start, count);
                i += count;
            }
        }

        // Series pairs are listed lowest in memory first; the count goes right below the MethodTable.
        FakeType Build(List<long> seriesWords, bool hasPointers, uint baseSize, ushort componentSize, FakeType type)
            => BuildRaw(seriesWords, hasPointers ? seriesWords.Count / 2 : 0, baseSize, componentSize, type, hasPointers);

        FakeType BuildRaw(List<long> descriptorWords, long numSeries, uint baseSize, ushort componentSize, FakeType type, bool hasPointers = true)
        {
            int descriptorBytes = hasPointers ? (descriptorWords.Count + 1) * 8 : 0;
            byte* block = _arena + _used;
            _used += descriptorBytes + 64;
            if (_used > ArenaBytes) throw new InvalidOperationException("too many fake types");
            long* words = (long*)block;
            if (hasPointers)
            {
                for (int i = 0; i < descriptorWords.Count; i++) words[i] = descriptorWords[i];
                words[descriptorWords.Count] = numSeries;
            }
            uint* methodTable = (uint*)(block + descriptorBytes);
            methodTable[0] = (hasPointers ? HasPointers : 0) | (componentSize != 0 ? HasComponentSize | componentSize : 0);
            methodTable[1] = baseSize;
            type.MethodTable = (ulong)methodTable;
            return type;
        }

        public void Dispose() => NativeMemory.Free(_arena);
    }
}
