using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Kernel.Boot.Multiboot2;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Boot
{
    [TestFixture]
    public class Multiboot2InfoTests
    {
        const ulong MiB = 1UL << 20, GiB = 1UL << 30;

        static Multiboot2Info Parse(Multiboot2InfoBuilder builder) => Multiboot2Info.Parse(builder.Build());

        static byte[] Rsdp(byte revision, byte marker)
        {
            var rsdp = new byte[revision >= 2 ? 36 : 20];
            "RSD PTR "u8.CopyTo(rsdp);
            rsdp[9] = marker;        // first OEM ID byte: tells copies apart
            rsdp[15] = revision;
            return rsdp;
        }

        static void AssertMemoryMap(Multiboot2Info info, params MemoryRegion[] expected)
        {
            Assert.That(info.MemoryMap.Select(e => (e.BaseAddress, e.Length, (uint)e.Kind)),
                Is.EqualTo(expected.Select(e => (e.BaseAddress, e.Length, e.Type))));
        }

        // --- every tag ---------------------------------------------------------------------------------------------

        [Test]
        public void EveryTagIsRead()
        {
            byte[] rsdp = Rsdp(2, (byte)'N');
            byte[] bytes = new Multiboot2InfoBuilder()
                .LoadBaseAddress(0x200000)
                .CommandLine("test verbose")
                .BootloaderName("GRUB 2.06")
                .Module(0x300000, 0x301234, "symbols")
                .MemoryMap(MemoryRegion.Available(0, 0x9FC00), MemoryRegion.Reserved(0x9FC00, 0x400),
                    MemoryRegion.Available(MiB, 127 * MiB), new MemoryRegion(0x7FE0000, 0x20000, 3),
                    new MemoryRegion(0x8000000, 0x1000, 4), new MemoryRegion(0x8001000, 0x1000, 5))
                .AcpiNew(rsdp)
                .Build();

            Multiboot2Info info = Multiboot2Info.Parse(bytes);

            Assert.That(info.TotalSize, Is.EqualTo(bytes.Length));
            Assert.That(info.HasLoadBaseAddress, Is.True);
            Assert.That(info.LoadBaseAddress, Is.EqualTo(0x200000));
            Assert.That(info.CommandLine, Is.EqualTo("test verbose"));
            Assert.That(info.BootloaderName, Is.EqualTo("GRUB 2.06"));
            Assert.That(info.Modules, Has.Length.EqualTo(1));
            Assert.That(info.Modules[0].Start, Is.EqualTo(0x300000));
            Assert.That(info.Modules[0].End, Is.EqualTo(0x301234));
            Assert.That(info.Modules[0].Size, Is.EqualTo(0x1234));
            Assert.That(info.Modules[0].CommandLine, Is.EqualTo("symbols"));
            Assert.That(info.MemoryMap.Select(e => e.Kind), Is.EqualTo(new[]
            {
                MemoryRegionKind.Available, MemoryRegionKind.Reserved, MemoryRegionKind.Available,
                MemoryRegionKind.AcpiReclaimable, MemoryRegionKind.AcpiNvs, MemoryRegionKind.Defective,
            }));
            Assert.That(info.MemoryMap[2].BaseAddress, Is.EqualTo(MiB));
            Assert.That(info.MemoryMap[2].EndAddress, Is.EqualTo(128 * MiB));
            Assert.That(info.Rsdp, Is.EqualTo(rsdp));
        }

        [Test]
        public void OnlyAnEndTagGivesEmptyValues()
        {
            Multiboot2Info info = Parse(new Multiboot2InfoBuilder());

            Assert.That(info.TotalSize, Is.EqualTo(16));
            Assert.That(info.CommandLine, Is.EqualTo(""));
            Assert.That(info.BootloaderName, Is.EqualTo(""));
            Assert.That(info.Modules, Is.Empty);
            Assert.That(info.MemoryMap, Is.Empty);
            Assert.That(info.Rsdp, Is.Null);
            Assert.That(info.HasLoadBaseAddress, Is.False);
            Assert.That(info.LoadBaseAddress, Is.Zero);
        }

        [Test]
        public void ReadTotalSizeReadsOnlyTheHeader()
        {
            byte[] bytes = new Multiboot2InfoBuilder().CommandLine("x").Build();

            Assert.That(Multiboot2Info.ReadTotalSize(bytes.AsSpan(0, 8)), Is.EqualTo(bytes.Length));
            Assert.That(() => Multiboot2Info.ReadTotalSize(bytes.AsSpan(0, 7)),
                Throws.TypeOf<FormatException>().With.Message.Contains("header"));
        }

        // --- layout: unknown tags, padding, order ------------------------------------------------------------------

        [Test]
        public void UnknownTagsAreSkipped([Values(4u, 5u, 7u, 8u, 9u, 10u, 16u, 20u, 22u, 0xFFFFu)] uint unknownType,
                                          [Values(0, 1, 7, 8, 9, 100)] int payloadLength)
        {
            // The payload of an unknown tag looks like a command-line tag: only a parser that skips by size gets past it.
            byte[] payload = Enumerable.Range(0, payloadLength).Select(i => (byte)(i % 2 == 0 ? 1 : 9)).ToArray();
            Multiboot2Info info = Parse(new Multiboot2InfoBuilder()
                .CommandLine("before")
                .Tag(unknownType, payload)
                .BootloaderName("after"));

            Assert.That(info.CommandLine, Is.EqualTo("before"));
            Assert.That(info.BootloaderName, Is.EqualTo("after"));
        }

        [Test]
        public void TagsAreFoundAtTheNext8ByteBoundaryWhateverTheSizeOfTheOneBefore([Range(0, 16)] int nameLength)
        {
            // Command-line tag sizes 9..25: every remainder modulo 8, so every amount of padding after it.
            string name = new string('n', nameLength);
            var builder = new Multiboot2InfoBuilder().CommandLine(name);
            int moduleOffset = builder.NextTagOffset;
            byte[] bytes = builder.Module(0x1000, 0x2000, "m").Build();

            Assert.That(moduleOffset % 8, Is.Zero);
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)), Is.EqualTo(8 + nameLength + 1),
                "the command-line tag's size field does not include the padding");
            Multiboot2Info info = Multiboot2Info.Parse(bytes);
            Assert.That(info.CommandLine, Is.EqualTo(name));
            Assert.That(info.Modules.Single().CommandLine, Is.EqualTo("m"));
        }

        [Test]
        public void SeveralModulesAreReportedInTheirOrder()
        {
            var expected = new[] { (0x500000u, 0x500000u, "empty"), (0x100000u, 0x180000u, "initrd"), (0x300000u, 0x301001u, "symbols") };
            var builder = new Multiboot2InfoBuilder().CommandLine("c");
            foreach (var (start, end, name) in expected) builder.Module(start, end, name).Tag(99, new byte[3]);

            Multiboot2Info info = Parse(builder);

            Assert.That(info.Modules.Select(m => ((uint)m.Start, (uint)m.End, m.CommandLine)), Is.EqualTo(expected));
            Assert.That(info.Modules.Select(m => m.Size), Is.EqualTo(new ulong[] { 0, 0x80000, 0x1001 }));
        }

        [Test]
        public void AModuleWithoutACommandLineHasAnEmptyOne()
        {
            byte[] payload = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, 0x1000);
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), 0x2000);

            BootModule module = Parse(new Multiboot2InfoBuilder().Tag(Multiboot2InfoBuilder.TagModule, payload)).Modules.Single();

            Assert.That(module.CommandLine, Is.EqualTo(""));
            Assert.That(module.Size, Is.EqualTo(0x1000));
        }

        // --- memory map --------------------------------------------------------------------------------------------

        [Test]
        public void TheMemoryMapIsReportedAsGivenNeitherSortedNorMerged()
        {
            var given = new[]
            {
                MemoryRegion.Available(MiB, 64 * MiB),
                MemoryRegion.Reserved(0, 0x1000),
                MemoryRegion.Reserved(32 * MiB, 64 * MiB),        // overlaps the first entry
                MemoryRegion.Available(MiB, 64 * MiB),            // duplicates it
                MemoryRegion.Available(0x1000, 0x9E000),
                new MemoryRegion(0x100, 0, 1),                    // empty
                new MemoryRegion(0xA0000, 0x1000, 0x1234),        // a type this specification version does not define
            };

            AssertMemoryMap(Parse(new Multiboot2InfoBuilder().MemoryMap(given)), given);
        }

        [Test]
        public void EntriesAbove4GiBKeepAll64Bits()
        {
            var given = new[]
            {
                MemoryRegion.Available(4 * GiB, 4 * GiB),
                MemoryRegion.Reserved(0xFD_0000_0000, 0x3_0000_0000),
                MemoryRegion.Available(0x1234_5678_9ABC_D000, 0x0FED_CBA9_8765_3000),
                MemoryRegion.Reserved(ulong.MaxValue - 0xFFF, 0x1000),
                MemoryRegion.Reserved(ulong.MaxValue - 0xFFF, 0x2000),    // runs past the top of the address space
            };

            Multiboot2Info info = Parse(new Multiboot2InfoBuilder().MemoryMap(given));

            AssertMemoryMap(info, given);
            Assert.That(info.MemoryMap.Select(e => e.EndAddress),
                Is.EqualTo(new ulong[] { 8 * GiB, 0x100_0000_0000, 0x2222_2222_2222_0000, ulong.MaxValue, ulong.MaxValue }));
        }

        [Test]
        public void LargerMemoryMapEntriesAreSteppedOverByTheirSize([Values(24, 32, 48)] int entrySize)
        {
            var given = new[] { MemoryRegion.Available(0, 0x9F000), MemoryRegion.Reserved(0xF0000, 0x10000), MemoryRegion.Available(MiB, 7 * MiB) };

            AssertMemoryMap(Parse(new Multiboot2InfoBuilder().MemoryMap(entrySize, given)), given);
        }

        [Test]
        public void AnEmptyMemoryMapHasNoEntries()
        {
            Assert.That(Parse(new Multiboot2InfoBuilder().MemoryMap()).MemoryMap, Is.Empty);
        }

        [Test]
        public void APartialLastMemoryMapEntryIsDropped()
        {
            // What the parser does today (lenient): the whole entries before it are kept. A stricter parser would
            // throw; this pins the current behaviour so a change to it is deliberate.
            var builder = new Multiboot2InfoBuilder();
            byte[] full = new Multiboot2InfoBuilder().MemoryMap(MemoryRegion.Available(0, 0x1000), MemoryRegion.Reserved(0x1000, 0x1000)).Build();
            int tagSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(full.AsSpan(12));
            byte[] payload = full.AsSpan(16, tagSize - 8 - 10).ToArray();   // the second entry loses its last 10 bytes
            builder.Tag(Multiboot2InfoBuilder.TagMemoryMap, payload);

            AssertMemoryMap(Parse(builder), MemoryRegion.Available(0, 0x1000));
        }

        // --- ACPI --------------------------------------------------------------------------------------------------

        [Test]
        public void TheNewAcpiTagIsPreferredWhicheverComesFirst([Values] bool newFirst)
        {
            byte[] oldRsdp = Rsdp(0, (byte)'O'), newRsdp = Rsdp(2, (byte)'N');
            var builder = new Multiboot2InfoBuilder();
            if (newFirst) builder.AcpiNew(newRsdp).AcpiOld(oldRsdp);
            else builder.AcpiOld(oldRsdp).AcpiNew(newRsdp);

            Assert.That(Parse(builder).Rsdp, Is.EqualTo(newRsdp));
        }

        [Test]
        public void TheOldAcpiTagAloneIsUsed()
        {
            byte[] oldRsdp = Rsdp(0, (byte)'O');

            byte[] copy = Parse(new Multiboot2InfoBuilder().AcpiOld(oldRsdp)).Rsdp;

            Assert.That(copy, Is.EqualTo(oldRsdp));
        }

        [Test]
        public void TheRsdpIsACopyNotAViewOfTheInformation()
        {
            byte[] bytes = new Multiboot2InfoBuilder().AcpiOld(Rsdp(0, (byte)'O')).Build();
            Multiboot2Info info = Multiboot2Info.Parse(bytes);

            Array.Clear(bytes);

            Assert.That(info.Rsdp[9], Is.EqualTo((byte)'O'), "the kernel releases the information's memory after parsing it");
        }

        // --- strings -----------------------------------------------------------------------------------------------

        [Test]
        public void StringsStopAtTheFirstNul()
        {
            byte[] payload = { (byte)'a', (byte)'b', 0, (byte)'c', (byte)'d', 0 };

            Multiboot2Info info = Parse(new Multiboot2InfoBuilder().Tag(Multiboot2InfoBuilder.TagCommandLine, payload));

            Assert.That(info.CommandLine, Is.EqualTo("ab"));
        }

        [Test]
        public void AStringWithoutNulEndsWithItsTag()
        {
            byte[] payload = { (byte)'a', (byte)'b', (byte)'c' };
            byte[] bytes = new Multiboot2InfoBuilder()
                .Tag(Multiboot2InfoBuilder.TagBootloaderName, payload)
                .Tag(50, new byte[] { (byte)'X', (byte)'Y', 0 })
                .Build();
            bytes.AsSpan(8 + 11, 5).Fill((byte)'P');    // padding is not required to be zero

            Multiboot2Info info = Multiboot2Info.Parse(bytes);

            Assert.That(info.BootloaderName, Is.EqualTo("abc"), "the padding and the next tag are not part of the string");
        }

        [Test]
        public void EveryNonAsciiByteBecomesOneReplacementCharacter()
        {
            // "é" is two UTF-8 bytes, "€" three, and 0x80/0xFF are not UTF-8 at all: each byte counts once.
            byte[] payload = { (byte)'a', 0xC3, 0xA9, (byte)'b', 0xE2, 0x82, 0xAC, 0x80, 0xFF, 0x7F, 0 };

            Multiboot2Info info = Parse(new Multiboot2InfoBuilder()
                .Tag(Multiboot2InfoBuilder.TagCommandLine, payload)
                .Module(0, 0, "m\u00e9"));

            Assert.That(info.CommandLine, Is.EqualTo("a\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\u007F"));
            Assert.That(info.Modules[0].CommandLine, Is.EqualTo("m\uFFFD\uFFFD"));
        }

        [Test]
        public void EveryAsciiCharacterSurvives()
        {
            string ascii = new string(Enumerable.Range(1, 127).Select(c => (char)c).ToArray());

            Assert.That(Parse(new Multiboot2InfoBuilder().CommandLine(ascii)).CommandLine, Is.EqualTo(ascii));
        }

        // --- malformed input ---------------------------------------------------------------------------------------

        static void AssertRejected(byte[] bytes, params string[] messageParts)
        {
            var error = Assert.Throws<FormatException>(() => Multiboot2Info.Parse(bytes));
            foreach (string part in messageParts) Assert.That(error.Message, Does.Contain(part));
        }

        static byte[] WithTotalSize(byte[] bytes, uint totalSize)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, totalSize);
            return bytes;
        }

        [TestCase(0u)]
        [TestCase(8u)]
        [TestCase(15u)]
        public void ATotalSizeTooSmallForAnEndTagIsRejected(uint totalSize)
        {
            AssertRejected(WithTotalSize(new Multiboot2InfoBuilder().Build(), totalSize), "total size", "out of range");
        }

        [Test]
        public void ATotalSizeLargerThanTheBufferIsRejected([Values(1u, 8u, 0x10_0000u)] uint excess)
        {
            byte[] bytes = new Multiboot2InfoBuilder().CommandLine("x").Build();

            AssertRejected(WithTotalSize(bytes, (uint)bytes.Length + excess), "total size", "out of range");
        }

        [Test]
        public void AHugeTotalSizeIsRejected([Values(0x7FFF_FFFFu, 0x8000_0000u, 0xFFFF_FFF8u, 0xFFFF_FFFFu)] uint totalSize)
        {
            AssertRejected(WithTotalSize(new Multiboot2InfoBuilder().CommandLine("x").Build(), totalSize), "total size", "out of range");
        }

        [Test]
        public void ABufferShorterThanTheHeaderIsRejected([Range(0, 7)] int length)
        {
            AssertRejected(new byte[length], "header");
        }

        [Test]
        public void BytesBeyondTheTotalSizeAreNotRead()
        {
            byte[] bytes = new Multiboot2InfoBuilder().CommandLine("x").Build();
            var larger = new byte[bytes.Length + 64];
            bytes.CopyTo(larger, 0);
            larger.AsSpan(bytes.Length).Fill(0xFF);

            Assert.That(Multiboot2Info.Parse(larger).TotalSize, Is.EqualTo(bytes.Length));
        }

        [Test]
        public void ATagSizeBelow8IsRejected([Range(0u, 7u)] uint size)
        {
            var builder = new Multiboot2InfoBuilder().CommandLine("ok");
            int offset = builder.NextTagOffset;

            AssertRejected(builder.RawTag(77, size, new byte[0]).Build(), "tag 77", "offset " + offset, "bad size");
        }

        [Test]
        public void ATagRunningPastTheTotalSizeIsRejected([Values(1L, 8L, 1000L, 0x7FFF_FFFFL, 0x8000_0000L, uint.MaxValue)] long declaredSize)
        {
            var builder = new Multiboot2InfoBuilder().CommandLine("ok");
            int offset = builder.NextTagOffset;
            byte[] bytes = builder.Module(0x1000, 0x2000, "").Build();
            // The module tag claims everything up to the end of the structure (the end tag included) and more: the
            // small values are an excess over that, the large ones the size itself.
            long size = declaredSize < 0x10000 ? bytes.Length - offset + declaredSize : declaredSize;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 4), (uint)size);

            AssertRejected(bytes, "tag 3", "offset " + offset, "bad size");
        }

        [Test]
        public void ATagEndingExactlyAtTheTotalSizeHasAnAcceptableSize()
        {
            // No end tag, so the structure is rejected, but for that: the size of the tag filling it is in range.
            byte[] bytes = new Multiboot2InfoBuilder().CommandLine("x").Tag(50, new byte[8]).Build(endTag: false);

            var error = Assert.Throws<FormatException>(() => Multiboot2Info.Parse(bytes));
            Assert.That(error.Message, Does.Contain("no end tag").And.Not.Contain("bad size"));
        }

        [Test]
        public void AMissingEndTagIsRejected([Values(0, 1, 5)] int moreTags)
        {
            var builder = new Multiboot2InfoBuilder().Tag(60, new byte[0]);
            for (int i = 0; i < moreTags; i++) builder.CommandLine("tag " + i);

            AssertRejected(builder.Build(endTag: false), "no end tag");
        }

        [Test]
        public void AnEndTagCutShortByTheTotalSizeDoesNotCount([Values(1u, 4u, 7u)] uint cut)
        {
            byte[] bytes = new Multiboot2InfoBuilder().CommandLine("x").Build();

            AssertRejected(WithTotalSize(bytes, (uint)bytes.Length - cut), "no end tag");
        }

        [Test]
        public void NothingAfterTheEndTagIsRead()
        {
            byte[] bytes = new Multiboot2InfoBuilder().CommandLine("before").Build();
            // Append a command-line tag after the end tag and grow total_size to cover it.
            byte[] after = new Multiboot2InfoBuilder().CommandLine("after").Build();
            byte[] combined = bytes.Concat(after.Skip(8)).ToArray();
            WithTotalSize(combined, (uint)combined.Length);

            Assert.That(Multiboot2Info.Parse(combined).CommandLine, Is.EqualTo("before"));
        }

        [TestCase(0x2000u, 0x1FFFu)]
        [TestCase(0xFFFF_FFFFu, 0u)]
        public void AModuleEndingBeforeItStartsIsRejected(uint start, uint end)
        {
            AssertRejected(new Multiboot2InfoBuilder().Module(start, end, "bad").Build(), "module ends before it starts");
        }

        [Test]
        public void AMemoryMapEntrySizeBelow24IsRejected([Values(0, 8, 16, 20, 23)] int entrySize)
        {
            var builder = new Multiboot2InfoBuilder().MemoryMap(entrySize, MemoryRegion.Available(0, 0x1000));

            AssertRejected(builder.Build(), "memory map entry size " + entrySize);
        }

        [Test]
        public void AMemoryMapEntrySizeNotAMultipleOf8IsRejected([Values(25, 28, 31, 33)] int entrySize)
        {
            AssertRejected(new Multiboot2InfoBuilder().MemoryMap(entrySize, MemoryRegion.Available(0, 0x1000)).Build(),
                "memory map entry size " + entrySize);
        }

        [Test]
        public void TruncatedTagsAreRejected([Values(0, 1, 7)] int payloadLength,
                                             [Values(Multiboot2InfoBuilder.TagModule, Multiboot2InfoBuilder.TagMemoryMap)] uint type)
        {
            // A module needs start and end, a memory map its entry size and version: 8 bytes after the tag header.
            string what = type == Multiboot2InfoBuilder.TagModule ? "module" : "memory map";
            AssertRejected(new Multiboot2InfoBuilder().Tag(type, new byte[payloadLength]).Build(), what + " tag too short");
        }

        [Test]
        public void ATruncatedLoadBaseAddressTagIsRejected([Values(0, 1, 3)] int payloadLength)
        {
            AssertRejected(new Multiboot2InfoBuilder().Tag(Multiboot2InfoBuilder.TagLoadBaseAddress, new byte[payloadLength]).Build(),
                "load base address tag too short");
        }

        // --- property: random well-formed structures ---------------------------------------------------------------

        [Test]
        public void RandomWellFormedStructuresParseToWhatWasWritten([Range(1, 200)] int seed)
        {
            var random = new Random(seed);
            var builder = new Multiboot2InfoBuilder();
            string commandLine = "", bootloaderName = "";
            var modules = new List<(uint, uint, string)>();
            MemoryRegion[] memoryMap = new MemoryRegion[0];
            byte[] rsdpOld = null, rsdpNew = null;
            uint? loadBase = null;

            // At most one of each single-valued tag, any number of modules and unknown tags, in random order.
            var steps = new List<Action>
            {
                () => builder.CommandLine(commandLine = RandomAscii(random)),
                () => builder.BootloaderName(bootloaderName = RandomAscii(random)),
                () => builder.MemoryMap(8 * random.Next(3, 6), memoryMap = RandomMemoryMap(random)),
                () => builder.AcpiOld(rsdpOld = RandomBytes(random, 20)),
                () => builder.AcpiNew(rsdpNew = RandomBytes(random, 36)),
                () => builder.LoadBaseAddress((loadBase = (uint)random.Next() & ~0xFFFu).Value),
            };
            steps.RemoveAll(_ => random.Next(4) == 0);
            for (int n = random.Next(6); n > 0; n--)
                steps.Add(() =>
                {
                    uint start = (uint)random.Next(), end = start + (uint)random.Next(0, 1 << 20);
                    var module = (start, end, RandomAscii(random));
                    modules.Add(module);
                    builder.Module(module.start, module.end, module.Item3);
                });
            for (int n = random.Next(6); n > 0; n--)
                steps.Add(() => builder.Tag((uint)random.Next(22, 1000), RandomBytes(random, random.Next(0, 40))));
            foreach (Action step in steps.OrderBy(_ => random.Next())) step();

            byte[] bytes = builder.Build();
            Multiboot2Info info = Multiboot2Info.Parse(bytes);

            Assert.That(info.TotalSize, Is.EqualTo(bytes.Length));
            Assert.That(info.CommandLine, Is.EqualTo(commandLine));
            Assert.That(info.BootloaderName, Is.EqualTo(bootloaderName));
            Assert.That(info.Modules.Select(m => ((uint)m.Start, (uint)m.End, m.CommandLine)), Is.EqualTo(modules));
            AssertMemoryMap(info, memoryMap);
            Assert.That(info.Rsdp, Is.EqualTo(rsdpNew ?? rsdpOld));
            Assert.That(info.HasLoadBaseAddress, Is.EqualTo(loadBase.HasValue));
            Assert.That(info.LoadBaseAddress, Is.EqualTo(loadBase ?? 0));
        }

        static string RandomAscii(Random random) =>
            new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => (char)random.Next(1, 128)).ToArray());

        static byte[] RandomBytes(Random random, int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        static MemoryRegion[] RandomMemoryMap(Random random) =>
            Enumerable.Range(0, random.Next(0, 20))
                .Select(_ => new MemoryRegion((ulong)random.NextInt64(), (ulong)random.NextInt64(), (uint)random.Next(1, 6)))
                .ToArray();

        // --- a real structure --------------------------------------------------------------------------------------

        [Test]
        public void TheStructureGrubGaveARealBootParsesToWhatThatBootWasGiven()
        {
            // See the comments in the resource: QEMU -m 128, grub.cfg loading kernel.sym (27157 bytes) as "symbols".
            byte[] bytes = CapturedBytes.Load("qemu-grub-multiboot2-info.txt").Bytes;

            Multiboot2Info info = Multiboot2Info.Parse(bytes);

            Assert.That(info.TotalSize, Is.EqualTo(bytes.Length));
            Assert.That(info.BootloaderName, Does.StartWith("GRUB 2.06"));
            Assert.That(info.CommandLine, Is.EqualTo(""), "grub.cfg passes the kernel no command line");

            BootModule symbols = info.Modules.Single();
            Assert.That(symbols.CommandLine, Is.EqualTo("symbols"));
            Assert.That(symbols.Size, Is.EqualTo(27157));
            Assert.That(symbols.Start % 4096, Is.Zero, "GRUB page-aligns modules");

            // The kernel asks to be loaded as low as possible from 1 MiB; nothing else was in the way.
            Assert.That(info.HasLoadBaseAddress, Is.True);
            Assert.That(info.LoadBaseAddress, Is.EqualTo(MiB));
            Assert.That(symbols.Start, Is.GreaterThan(info.LoadBaseAddress));

            // -m 128: RAM (what is available plus the firmware's reservations in it) ends at exactly 128 MiB, most of it
            // available; the rest of the map, above 3 GiB, is device space.
            MemoryMapEntry[] ram = info.MemoryMap.Where(e => e.BaseAddress < 3 * GiB).ToArray();
            Assert.That(ram.Max(e => e.EndAddress), Is.EqualTo(128 * MiB));
            ulong available = (ulong)ram.Where(e => e.Kind == MemoryRegionKind.Available).Sum(e => (decimal)e.Length);
            Assert.That(available, Is.InRange(127 * MiB, 128 * MiB));
            Assert.That(info.MemoryMap.Where(e => e.BaseAddress >= 3 * GiB).Select(e => e.Kind), Is.All.Not.EqualTo(MemoryRegionKind.Available));
            Assert.That(info.MemoryMap.Any(e => e.BaseAddress >= 4 * GiB), Is.True, "QEMU reserves a window above 4 GiB");
            Assert.That(info.MemoryMap.Any(e => e.Kind == MemoryRegionKind.Available && e.BaseAddress <= symbols.Start && symbols.End <= e.EndAddress),
                Is.True, "the module lies in available memory");

            // The RSDP copy (ACPI 1.0: SeaBIOS) names QEMU's BOCHS tables, in memory the map reserves.
            Assert.That(info.Rsdp, Has.Length.EqualTo(20));
            Assert.That(System.Text.Encoding.ASCII.GetString(info.Rsdp, 0, 8), Is.EqualTo("RSD PTR "));
            Assert.That(System.Text.Encoding.ASCII.GetString(info.Rsdp, 9, 6), Is.EqualTo("BOCHS "));
            uint rsdt = BinaryPrimitives.ReadUInt32LittleEndian(info.Rsdp.AsSpan(16));
            Assert.That(info.MemoryMap.Single(e => e.BaseAddress <= rsdt && rsdt < e.EndAddress).Kind, Is.EqualTo(MemoryRegionKind.Reserved));
        }
    }
}
