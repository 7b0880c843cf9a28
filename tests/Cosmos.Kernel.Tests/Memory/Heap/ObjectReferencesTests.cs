using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Memory.Heap;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Heap
{
    [TestFixture]
    public unsafe class ObjectReferencesTests : HeapTest
    {

        static List<int> Decoded(ulong obj)
        {
            var offsets = new List<int>();
            var references = new ObjectReferences((byte*)obj);
            while (references.Next(out ulong* slot)) offsets.Add((int)((ulong)slot - obj));
            return offsets;
        }

        static IEnumerable<TestCaseData> PlainLayouts()
        {
            yield return new TestCaseData(24u, new int[0]).SetName("no references");
            yield return new TestCaseData(24u, new[] { 8 }).SetName("one reference");
            yield return new TestCaseData(40u, new[] { 8, 16, 24 }).SetName("one run of three");
            yield return new TestCaseData(56u, new[] { 8, 24, 40 }).SetName("three runs of one");
            yield return new TestCaseData(64u, new[] { 16, 24, 48 }).SetName("a run of two and a run of one, after a value field");
        }

        [TestCaseSource(nameof(PlainLayouts))]
        public void APlainObjectsReferencesAreExactlyItsReferenceFields(uint baseSize, int[] offsets)
        {
            FakeTypes.FakeType type = _types.Plain(baseSize, offsets);
            ulong obj = _heap.New(type);
            Assert.That(Decoded(obj).OrderBy(o => o), Is.EqualTo(offsets.OrderBy(o => o)));
            Assert.That(ObjectLayout.SizeOf((byte*)obj), Is.EqualTo((nuint)baseSize));
        }

        [TestCase(0)]
        [TestCase(1)]
        [TestCase(7)]
        public void AnArrayOfReferencesHasOneReferencePerElement(int length)
        {
            FakeTypes.FakeType type = _types.ReferenceArray();
            ulong obj = _heap.New(type, length);
            Assert.That(Decoded(obj), Is.EqualTo(type.ReferencesOf(length)));
            Assert.That(ObjectLayout.SizeOf((byte*)obj), Is.EqualTo((nuint)(24 + 8 * length)));
        }

        static IEnumerable<TestCaseData> StructLayouts()
        {
            foreach (int length in new[] { 0, 1, 4 })
            {
                yield return new TestCaseData((ushort)24, new[] { 8, 16 }, length).SetName("value then two references, " + length);
                yield return new TestCaseData((ushort)24, new[] { 0, 16 }, length).SetName("reference, value, reference, " + length);
                yield return new TestCaseData((ushort)16, new[] { 0 }, length).SetName("reference then value, " + length);
                yield return new TestCaseData((ushort)40, new[] { 8, 32 }, length).SetName("references far apart, " + length);
            }
        }

        [TestCaseSource(nameof(StructLayouts))]
        public void AnArrayOfStructsRepeatsItsElementsReferences(ushort elementSize, int[] offsets, int length)
        {
            FakeTypes.FakeType type = _types.StructArray(elementSize, offsets);
            ulong obj = _heap.New(type, length);
            Assert.That(Decoded(obj), Is.EqualTo(type.ReferencesOf(length)));
        }

        [TestCase((ushort)1, 0, 24u)]
        [TestCase((ushort)1, 9, 40u)]
        [TestCase((ushort)2, 5, 40u)]
        [TestCase((ushort)4, 3, 40u)]
        public void ArraysOfValuesHaveNoReferencesAndARoundedSize(ushort componentSize, int length, uint expectedSize)
        {
            ulong obj = _heap.New(_types.ValueArray(componentSize), length);
            Assert.That(Decoded(obj), Is.Empty);
            Assert.That(ObjectLayout.SizeOf((byte*)obj), Is.EqualTo((nuint)expectedSize));
        }

        [Test]
        public void AStringSizedObjectRoundsItsOddBaseSizeUp()
        {
            // string: header 8 + MethodTable 8 + length 4 + terminator 2 = 22, then 2 bytes per char.
            ulong obj = _heap.New(_types.ValueArray(2, baseSize: 22), 5);
            Assert.That(ObjectLayout.SizeOf((byte*)obj), Is.EqualTo((nuint)32));
        }
    }
}
