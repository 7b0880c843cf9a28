using System;
using System.Buffers.Binary;
using System.Linq;
using Cosmos.Kernel.Loader;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Loader
{
    // ElfImage.TryParse on real executables from nasm and ld, and on copies damaged one field at a time.
    [TestFixture]
    public class ElfImageTests
    {
        const ulong UserLowest = 0x1000, UserHighest = 0x0000_8000_0000_0000;
        const int Text = 0, Rodata = 1, Data = 2, Stack = 3;    // program headers of the separate-pages layout

        static readonly Lazy<StaticProgram> SeparatePages = new Lazy<StaticProgram>(() => StaticProgram.Build(StaticProgram.SeparatePagesScript));
        static readonly Lazy<StaticProgram> LdDefault = new Lazy<StaticProgram>(() => StaticProgram.Build(null));

        byte[] _file;

        [SetUp]
        public void Copy() => _file = (byte[])SeparatePages.Value.Bytes.Clone();

        static string Parse(byte[] file, out ElfImage image) => ElfImage.TryParse(file, UserLowest, UserHighest, out image);

        string Error()
        {
            string error = Parse(_file, out ElfImage image);
            Assert.That(image, Is.Null, "no image with an error");
            return error;
        }

        // The byte offset of a field of program header `index`.
        int Field(int index, int fieldOffset) => (int)BinaryPrimitives.ReadUInt64LittleEndian(_file.AsSpan(32)) + index * 56 + fieldOffset;

        ulong Get(int index, int fieldOffset) => BinaryPrimitives.ReadUInt64LittleEndian(_file.AsSpan(Field(index, fieldOffset)));

        void Set(int index, int fieldOffset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(_file.AsSpan(Field(index, fieldOffset)), value);

        void SetType(int index, uint type) => BinaryPrimitives.WriteUInt32LittleEndian(_file.AsSpan(Field(index, 0)), type);

        void SetFlags(int index, uint flags) => BinaryPrimitives.WriteUInt32LittleEndian(_file.AsSpan(Field(index, 4)), flags);

        const int Offset = 8, Address = 16, FileSize = 32, MemorySize = 40;

        static void AssertMatchesReadelf(StaticProgram program)
        {
            Assert.That(Parse(program.Bytes, out ElfImage image), Is.Null);
            Assert.That(image.Entry, Is.EqualTo(program.Entry));
            var expected = program.Segments.Where(s => s.MemorySize > 0).OrderBy(s => s.Address)
                .Select(s => new ElfSegment(s.Address, s.MemorySize, s.Offset, s.FileSize, s.Writable, s.Executable));
            Assert.That(image.Segments, Is.EqualTo(expected));
        }

        [Test]
        public void AProgramWithEachSegmentOnItsOwnPagesMatchesReadelf()
        {
            AssertMatchesReadelf(SeparatePages.Value);
            Assert.That(SeparatePages.Value.Segments.Select(s => (s.Writable, s.Executable)),
                        Is.EqualTo(new[] { (false, true), (false, false), (true, false) }));
        }

        [Test]
        public void AProgramInLdsDefaultLayoutMatchesReadelf()
        {
            AssertMatchesReadelf(LdDefault.Value);
        }

        [Test]
        public void TheBssIsTheMemoryPastTheFileData()
        {
            Assert.That(Parse(_file, out ElfImage image), Is.Null);
            ElfSegment data = image.Segments[2];
            Assert.That(data.Writable, Is.True);
            Assert.That(data.FileSize, Is.EqualTo(8UL));
            Assert.That(data.MemorySize, Is.GreaterThan(8192UL));
        }

        [Test]
        public void SegmentsComeSortedByAddressWhateverTheHeaderOrder()
        {
            Span<byte> text = _file.AsSpan(Field(Text, 0), 56), data = _file.AsSpan(Field(Data, 0), 56);
            byte[] saved = text.ToArray();
            data.CopyTo(text);
            saved.CopyTo(data);
            Assert.That(Parse(_file, out ElfImage image), Is.Null);
            Assert.That(image.Segments.Select(s => s.VirtualAddress), Is.Ordered);
        }

        [Test]
        public void AnEmptyLoadSegmentIsLeftOut()
        {
            Set(Rodata, MemorySize, 0);
            Set(Rodata, FileSize, 0);
            Assert.That(Parse(_file, out ElfImage image), Is.Null);
            Assert.That(image.Segments.Length, Is.EqualTo(2));
        }

        [Test]
        public void NotAnElfFile()
        {
            Assert.That(Parse(new byte[10], out _), Is.EqualTo("not an ELF file"));
            _file[1] = (byte)'X';
            Assert.That(Error(), Is.EqualTo("not an ELF file"));
        }

        [TestCase(4, 1, TestName = "A32BitFile")]
        [TestCase(5, 2, TestName = "ABigEndianFile")]
        [TestCase(6, 0, TestName = "AnUnknownElfVersion")]
        [TestCase(18, 3, TestName = "AnI386File")]
        public void NotA64BitLittleEndianX86_64Executable(int offset, byte value)
        {
            _file[offset] = value;
            Assert.That(Error(), Is.EqualTo("not a 64-bit little-endian x86-64 executable"));
        }

        [TestCase(3, TestName = "APositionIndependentExecutable")]
        [TestCase(1, TestName = "ARelocatableObject")]
        public void NotAStaticExecutable(byte type)
        {
            _file[16] = type;
            Assert.That(Error(), Is.EqualTo("not a static executable (ET_EXEC)"));
        }

        [Test]
        public void AnInterpreterIsRefused()
        {
            SetType(Stack, 3);
            Assert.That(Error(), Is.EqualTo("not a static executable: it asks for an interpreter (PT_INTERP)"));
        }

        [Test]
        public void AProgramHeaderSizeOtherThan56()
        {
            _file[54] = 64;
            Assert.That(Error(), Is.EqualTo("program header size 64 is not 56"));
        }

        [Test]
        public void NoProgramHeaders()
        {
            _file[56] = 0;
            Assert.That(Error(), Is.EqualTo("no program headers"));
        }

        [TestCase(0x7FFF_FFFF_FFFF_FFFFUL, (ushort)4)]
        [TestCase(64UL, (ushort)0xFFFF)]
        public void ProgramHeadersPastTheEnd(ulong offset, ushort count)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_file.AsSpan(32), offset);
            BinaryPrimitives.WriteUInt16LittleEndian(_file.AsSpan(56), count);
            Assert.That(Error(), Is.EqualTo("the program headers lie past the end of the file"));
        }

        [Test]
        public void NoLoadableSegments()
        {
            foreach (int header in new[] { Text, Rodata, Data }) SetType(header, 4);   // PT_NOTE
            Assert.That(Error(), Is.EqualTo("no loadable segments"));
        }

        [Test]
        public void WritableAndExecutable()
        {
            SetFlags(Text, 7);
            Assert.That(Error(), Is.EqualTo("segment 0 is both writable and executable"));
        }

        [Test]
        public void MoreFileDataThanMemory()
        {
            Set(Rodata, FileSize, Get(Rodata, MemorySize) + 1);
            Assert.That(Error(), Is.EqualTo("segment 1 has FileSize > MemorySize"));
        }

        [Test]
        public void FileDataCutShort()
        {
            Array.Resize(ref _file, (int)(Get(Data, Offset) + Get(Data, FileSize) - 1));
            Assert.That(Error(), Is.EqualTo("segment 2's file data lies past the end of the file"));
        }

        [Test]
        public void AFileOffsetPastTheEnd()
        {
            Set(Data, Offset, Get(Data, Offset) + 0x10000);
            Set(Data, Address, Get(Data, Address) + 0x10000);
            Assert.That(Error(), Is.EqualTo("segment 2's file data lies past the end of the file"));
        }

        [Test]
        public void FileDataThatWrapsAround()
        {
            Set(Data, Offset, ulong.MaxValue - 3);
            Assert.That(Error(), Is.EqualTo("segment 2's file data lies past the end of the file"));
        }

        [Test]
        public void AddressAndOffsetNotCongruent()
        {
            Set(Rodata, Address, Get(Rodata, Address) + 8);
            Assert.That(Error(), Is.EqualTo("segment 1's address and file offset differ modulo the page size"));
        }

        [Test]
        public void SegmentsOverlapping()
        {
            Set(Data, Address, Get(Rodata, Address));
            Assert.That(Error(), Is.EqualTo("segment 2 overlaps segment 1 (segments may not share a page)"));
        }

        [Test]
        public void SegmentsSharingOnlyAPage()
        {
            // rodata moved to 0x100 bytes into text's page: no byte in common, but one page.
            Set(Rodata, Offset, Get(Rodata, Offset) + 0x100);
            Set(Rodata, Address, Get(Text, Address) + 0x100);
            Set(Rodata, FileSize, 0);
            Assert.That(Get(Text, MemorySize), Is.LessThan(0x100UL));
            Assert.That(Error(), Is.EqualTo("segment 1 overlaps segment 0 (segments may not share a page)"));
        }

        [TestCase(0UL, TestName = "InPageZero")]
        [TestCase(0x0000_7FFF_FFFF_F000UL, TestName = "AcrossTheTopOfTheUserHalf")]
        [TestCase(0xFFFF_8000_0040_0000UL, TestName = "InTheKernelHalf")]
        [TestCase(0xFFFF_FFFF_FFFF_F000UL, TestName = "AtTheTopOfTheAddressSpace")]
        public void OutsideTheUserHalf(ulong page)
        {
            Set(Data, Address, page + Get(Data, Address) % 4096);
            Assert.That(Error(), Is.EqualTo("segment 2 lies outside the user half"));
        }

        [Test]
        public void AMemorySizeThatWrapsAround()
        {
            Set(Data, MemorySize, ulong.MaxValue - 0x800);
            Assert.That(Error(), Is.EqualTo("segment 2 lies outside the user half"));
        }

        [Test]
        public void TheRangeGivenIsTheOneChecked()
        {
            ulong dataPage = Get(Data, Address) & ~0xFFFUL;
            Assert.That(ElfImage.TryParse(_file, 0x400000, dataPage + 0x3000, out _), Is.Null, "exactly to the end of its last page");
            Assert.That(ElfImage.TryParse(_file, 0x400000, dataPage + 0x2000, out _), Is.EqualTo("segment 2 lies outside the user half"));
            Assert.That(ElfImage.TryParse(_file, 0x401000, UserHighest, out _), Is.EqualTo("segment 0 lies outside the user half"));
        }

        [Test]
        public void AnEntryPointOutsideTheText()
        {
            ulong rodata = Get(Rodata, Address);
            BinaryPrimitives.WriteUInt64LittleEndian(_file.AsSpan(24), rodata);
            Assert.That(Error(), Is.EqualTo("the entry point 0x" + rodata.ToString("X") + " lies in no executable segment"));
            BinaryPrimitives.WriteUInt64LittleEndian(_file.AsSpan(24), Get(Text, Address) + Get(Text, MemorySize));
            Assert.That(Error(), Does.EndWith("lies in no executable segment"), "one past the text's end");
        }
    }
}
