using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Cosmos.Kernel.Tests.Boot
{
    // Writes a multiboot2 boot information structure byte by byte as the specification lays it out (section 3.6):
    // an 8-byte header (u32 total_size, u32 reserved), then tags (u32 type, u32 size, payload), each starting on an
    // 8-byte boundary, closed by the end tag (type 0, size 8). Tags are written in the order they are added; the end
    // tag is appended by Build unless it is asked not to be. Deliberately malformed tags can be written with RawTag.
    public sealed class Multiboot2InfoBuilder
    {
        public const uint TagEnd = 0, TagCommandLine = 1, TagBootloaderName = 2, TagModule = 3, TagMemoryMap = 6;
        public const uint TagAcpiOld = 14, TagAcpiNew = 15, TagLoadBaseAddress = 21;
        public const int HeaderSize = 8, MemoryMapEntrySize = 24;

        readonly List<byte> _tags = new List<byte>();

        // Offset from the start of the structure at which the next tag will be written.
        public int NextTagOffset => HeaderSize + _tags.Count;

        public Multiboot2InfoBuilder CommandLine(string text) => Tag(TagCommandLine, CString(text));

        public Multiboot2InfoBuilder BootloaderName(string text) => Tag(TagBootloaderName, CString(text));

        public Multiboot2InfoBuilder Module(uint start, uint end, string commandLine)
        {
            var payload = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, start);
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), end);
            return Tag(TagModule, Concat(payload, CString(commandLine)));
        }

        public Multiboot2InfoBuilder MemoryMap(params MemoryRegion[] entries) => MemoryMap(MemoryMapEntrySize, entries);

        // entrySize larger than 24 pads every entry with zero bytes, as a newer bootloader may.
        public Multiboot2InfoBuilder MemoryMap(int entrySize, params MemoryRegion[] entries)
        {
            var payload = new byte[8 + entries.Length * Math.Max(entrySize, MemoryMapEntrySize)];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, (uint)entrySize);
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), 0);   // entry_version
            for (int i = 0; i < entries.Length; i++)
            {
                Span<byte> entry = payload.AsSpan(8 + i * Math.Max(entrySize, MemoryMapEntrySize));
                BinaryPrimitives.WriteUInt64LittleEndian(entry, entries[i].BaseAddress);
                BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(8), entries[i].Length);
                BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(16), entries[i].Type);
                BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(20), 0);  // reserved
            }
            return Tag(TagMemoryMap, payload);
        }

        public Multiboot2InfoBuilder AcpiOld(byte[] rsdpCopy) => Tag(TagAcpiOld, rsdpCopy);

        public Multiboot2InfoBuilder AcpiNew(byte[] rsdpCopy) => Tag(TagAcpiNew, rsdpCopy);

        public Multiboot2InfoBuilder LoadBaseAddress(uint address)
        {
            var payload = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, address);
            return Tag(TagLoadBaseAddress, payload);
        }

        // A well-formed tag of any type: size = 8 + payload length, padded to the next 8-byte boundary.
        public Multiboot2InfoBuilder Tag(uint type, byte[] payload) => RawTag(type, (uint)(8 + payload.Length), payload);

        // A tag whose size field says declaredSize whatever the payload is: for malformed structures.
        public Multiboot2InfoBuilder RawTag(uint type, uint declaredSize, byte[] payload)
        {
            var header = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(header, type);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), declaredSize);
            _tags.AddRange(header);
            _tags.AddRange(payload);
            while (_tags.Count % 8 != 0) _tags.Add(0);
            return this;
        }

        public byte[] Build() => Build(endTag: true);

        // total_size covers the header and every tag with its padding, the end tag included.
        public byte[] Build(bool endTag)
        {
            var copy = new Multiboot2InfoBuilder();
            copy._tags.AddRange(_tags);
            if (endTag) copy.RawTag(TagEnd, 8, new byte[0]);
            var info = new byte[HeaderSize + copy._tags.Count];
            BinaryPrimitives.WriteUInt32LittleEndian(info, (uint)info.Length);
            copy._tags.CopyTo(info, HeaderSize);
            return info;
        }

        // NUL-terminated UTF-8, as GRUB writes command lines and names.
        public static byte[] CString(string text) => Concat(Encoding.UTF8.GetBytes(text), new byte[] { 0 });

        static byte[] Concat(byte[] a, byte[] b)
        {
            var result = new byte[a.Length + b.Length];
            a.CopyTo(result, 0);
            b.CopyTo(result, a.Length);
            return result;
        }
    }

    // One memory map entry as the builder writes it; Type is the raw multiboot2 value (1 available, 2 reserved, ...).
    public readonly struct MemoryRegion
    {
        public MemoryRegion(ulong baseAddress, ulong length, uint type)
        {
            BaseAddress = baseAddress;
            Length = length;
            Type = type;
        }

        public ulong BaseAddress { get; }
        public ulong Length { get; }
        public uint Type { get; }

        public static MemoryRegion Available(ulong baseAddress, ulong length) => new MemoryRegion(baseAddress, length, 1);
        public static MemoryRegion Reserved(ulong baseAddress, ulong length) => new MemoryRegion(baseAddress, length, 2);

        public override string ToString() => $"[{BaseAddress:X}, +{Length:X}) type {Type}";
    }
}
