using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Diagnostics.Unwinding;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Diagnostics.Unwinding.Cfa;
using static Cosmos.Kernel.Tests.Diagnostics.Unwinding.CallFrameInformationTests;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // Sections that are cut short, corrupt, or use what this reader does not support: every read ends in Malformed at
    // the bad entry, having read the good ones before it, and nothing throws.
    [TestFixture]
    public class MalformedCallFrameInformationTests
    {
        const ulong Function = 0xFFFFFFFF80219D00;

        // One "zLR" CIE and FDEs with LSDA pointers and prologue rows, as ILC writes them.
        static EhFrameBuilder IlcLikeSection(out List<(int Offset, ulong Start)> fdes)
        {
            var builder = new EhFrameBuilder();
            int cie = builder.Cie(augmentation: "zLR");
            fdes = new List<(int, ulong)>();
            for (int i = 0; i < 6; i++)
            {
                ulong start = Function + (ulong)i * 0x100;
                byte[] prologue = Program(AdvanceLoc(1), DefCfaOffset(16), Offset(Rbp, 2), AdvanceLoc(2), DefCfaOffset((ulong)(24 + 8 * i)));
                fdes.Add((builder.Fde(cie, start, 0x80 + (ulong)i, prologue, new byte[] { 0x10, 0x20, 0x30, (byte)i }), start));
            }
            return builder;
        }

        [Test]
        public void ACutSectionReadsTheEntriesBeforeTheCutAndStopsAtIt()
        {
            byte[] full = IlcLikeSection(out var fdes).ToArray();
            List<string> all = Entries(full, 0xFFFFFFFF80232300);
            int[] ends = fdes.Select(f => f.Offset).Skip(1).Append(full.Length).ToArray();   // where each FDE ends
            int cieEnd = fdes[0].Offset;

            for (int length = 0; length < full.Length; length++)
            {
                var builder = new EhFrameBuilder();
                builder.Raw(full.AsSpan(0, length).ToArray());
                int whole = length < cieEnd ? 0 : 1 + ends.Count(end => end <= length);
                bool atBoundary = length == 0 || length == cieEnd || ends.Contains(length);

                Assert.That(Entries(builder), Is.EqualTo(all.Take(whole).Append(atBoundary ? "SectionEnd" : "Malformed")), "cut at " + length);
                for (int i = 0; i < fdes.Count; i++)
                {
                    var cfi = new CallFrameInformation(builder.ToArray(), builder.Address);
                    Assert.That(cfi.TryFindDescription(fdes[i].Start + 0x10, out _), Is.EqualTo(length >= ends[i]), $"cut at {length}, function {i}");
                }
            }
        }

        static IEnumerable<TestCaseData> BrokenSections()
        {
            TestCaseData Case(string name, Func<EhFrameBuilder> build) => new TestCaseData(build).SetName("{m}: " + name);
            static EhFrameBuilder WithFde(EhFrameBuilder builder, int cie, ulong start = Function, ulong length = 0x40)
            {
                builder.Fde(cie, start, length);
                return builder;
            }
            static EhFrameBuilder Patched(EhFrameBuilder builder, int offset, params byte[] bytes)
            {
                byte[] section = builder.ToArray();
                bytes.CopyTo(section, offset);
                return new EhFrameBuilder(builder.Address).Raw(section);
            }

            yield return Case("a length past the section's end", () => { var b = new EhFrameBuilder(); return Patched(WithFde(b, b.Cie()), 0, 0x00, 0x10); });
            yield return Case("a length too short for an id", () => new EhFrameBuilder().Raw(2, 0, 0, 0, 0, 0));
            yield return Case("three stray bytes", () => new EhFrameBuilder().Raw(1, 2, 3));
            yield return Case("64-bit DWARF", () => new EhFrameBuilder().Raw(0xFF, 0xFF, 0xFF, 0xFF, 16, 0, 0, 0, 0, 0, 0, 0).Raw(new byte[16]));
            yield return Case("an FDE whose CIE would be before the section", () =>
            {
                var builder = new EhFrameBuilder();
                int fde = builder.Fde(builder.Cie(), Function, 0x40);
                return Patched(builder, fde + 4, BitConverter.GetBytes(fde + 4 + 8));
            });
            yield return Case("an FDE whose CIE pointer finds an FDE", () =>
            {
                var builder = new EhFrameBuilder();
                int cie = builder.Cie();
                int first = builder.Fde(cie, Function + 0x40, 0x40);
                int second = builder.Fde(cie, Function, 0x40);
                return Patched(builder, second + 4, BitConverter.GetBytes(second + 4 - first));
            });
            yield return Case("CIE version 2", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(version: 2)); });
            yield return Case("augmentation \"eh\"", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(augmentation: "eh")); });
            yield return Case("augmentation letter S", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(augmentation: "zRS")); });
            yield return Case("an unknown augmentation letter", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(augmentation: "zXR")); });
            yield return Case("CIE augmentation data shorter than its letters", () =>
            {
                var builder = new EhFrameBuilder();
                builder.Cie(augmentation: "zPLR");
                return Patched(WithFde(builder, 0), 8 + 1 + 5 + 3, 1);   // length, id, version, "zPLR\0", factors, ra: the data length
            });
            yield return Case("code alignment 0", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(codeAlignment: 0)); });
            yield return Case("data-relative pointers", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(pointerEncoding: 0x3B)); });
            yield return Case("indirect pointers", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(pointerEncoding: 0x9B)); });
            yield return Case("pointer format 5", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(pointerEncoding: 0x05)); });
            yield return Case("pointer encoding omit", () => { var b = new EhFrameBuilder(); return WithFde(b, b.Cie(pointerEncoding: 0xFF)); });
            yield return Case("a range that wraps", () =>
            {
                var b = new EhFrameBuilder();
                return WithFde(b, b.Cie(pointerEncoding: EhFrameBuilder.Absolute), 0xFFFFFFFFFFFFF000, 0x2000);
            });
            yield return Case("FDE augmentation data past its entry", () =>
            {
                var builder = new EhFrameBuilder();
                int fde = builder.Fde(builder.Cie(), Function, 0x40);
                return Patched(builder, fde + 8 + 4 + 4, 0x7F);
            });
        }

        [TestCaseSource(nameof(BrokenSections))]
        public void ABrokenEntryIsMalformedAndFindsNothing(Func<EhFrameBuilder> build)
        {
            EhFrameBuilder builder = build();
            var cfi = new CallFrameInformation(builder.ToArray(), builder.Address);

            Assert.That(Entries(builder).Last(), Is.EqualTo("Malformed"));
            Assert.That(cfi.TryFindDescription(Function, out _), Is.False);
        }

        [Test]
        public void AnOffsetOutsideTheSectionIsNotRead()
        {
            var cfi = new CallFrameInformation(IlcLikeSection(out _).ToArray(), 0);
            int before = -4, after = 1 << 20;

            Assert.That(cfi.ReadEntry(ref before, out _), Is.EqualTo(EntryKind.Malformed));
            Assert.That(cfi.ReadEntry(ref after, out _), Is.EqualTo(EntryKind.SectionEnd));
        }

        [Test]
        public void RandomCorruptionNeverThrows([Range(1, 500)] int seed)
        {
            var random = new Random(seed);
            byte[] section = IlcLikeSection(out var fdes).ToArray();
            for (int flips = random.Next(1, 6); flips > 0; flips--) section[random.Next(section.Length)] = (byte)random.Next(256);
            if (random.Next(4) == 0) Array.Resize(ref section, random.Next(section.Length));

            Assert.DoesNotThrow(() =>
            {
                Entries(section, 0xFFFFFFFF80232300);
                var cfi = new CallFrameInformation(section, 0xFFFFFFFF80232300);
                foreach (var fde in fdes)
                    for (ulong offset = 0; offset < 0x90; offset += 3)
                        if (cfi.TryFindDescription(fde.Start + offset, out FrameDescription description))
                            cfi.TryComputeRow(description, fde.Start + offset, out _);
            }, "seed " + seed);
        }
    }
}
