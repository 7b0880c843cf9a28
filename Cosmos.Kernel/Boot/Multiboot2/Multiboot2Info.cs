using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Boot.Multiboot2
{
    // The boot information GRUB hands over (multiboot2 specification, section 3.6), parsed from its bytes into plain
    // values the kernel keeps after it releases the original memory. Hardware-free: the host tests parse synthetic
    // structures through the same code. Malformed input throws FormatException naming what is wrong.
    public sealed class Multiboot2Info
    {
        public const uint BootloaderMagic = 0x36D76289;

        const int HeaderSize = 8;
        const uint TagEnd = 0, TagCommandLine = 1, TagBootloaderName = 2, TagModule = 3, TagMemoryMap = 6;
        const uint TagAcpiOld = 14, TagAcpiNew = 15, TagLoadBaseAddress = 21;

        Multiboot2Info() { }

        public string CommandLine { get; private set; } = "";
        public string BootloaderName { get; private set; } = "";
        public MemoryMapEntry[] MemoryMap { get; private set; } = new MemoryMapEntry[0];
        public BootModule[] Modules { get; private set; } = new BootModule[0];

        // Physical address the bootloader loaded the kernel image at, when it reported one (relocatable kernels).
        public bool HasLoadBaseAddress { get; private set; }
        public ulong LoadBaseAddress { get; private set; }

        // A copy of the ACPI RSDP (version 2+ when both tags are present): the root of the ACPI tables.
        public byte[] Rsdp { get; private set; }

        // Size of the structure in bytes: the kernel keeps its pages reserved until it has been parsed.
        public int TotalSize { get; private set; }

        public static int ReadTotalSize(ReadOnlySpan<byte> header)
        {
            if (header.Length < HeaderSize) throw new FormatException("multiboot2: information shorter than its header");
            return (int)BinaryPrimitives.ReadUInt32LittleEndian(header);
        }

        public static Multiboot2Info Parse(ReadOnlySpan<byte> info)
        {
            int totalSize = ReadTotalSize(info);
            if (totalSize < HeaderSize + 8 || totalSize > info.Length)
                throw new FormatException("multiboot2: total size " + totalSize.ToString() + " is out of range");

            var result = new Multiboot2Info { TotalSize = totalSize };
            var memoryMap = new MemoryMapEntry[0];
            var modules = new BootModule[0];
            bool sawEnd = false;
            int offset = HeaderSize;
            while (offset + 8 <= totalSize)
            {
                uint type = BinaryPrimitives.ReadUInt32LittleEndian(info.Slice(offset));
                int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(info.Slice(offset + 4));
                if (size < 8 || size > totalSize - offset)
                    throw new FormatException("multiboot2: tag " + type.ToString() + " at offset " + offset.ToString() + " has a bad size");
                ReadOnlySpan<byte> tag = info.Slice(offset, size);
                if (type == TagEnd)
                {
                    sawEnd = true;
                    break;
                }
                if (type == TagCommandLine) result.CommandLine = ReadString(tag.Slice(8));
                else if (type == TagBootloaderName) result.BootloaderName = ReadString(tag.Slice(8));
                else if (type == TagModule) modules = Append(modules, ReadModule(tag));
                else if (type == TagMemoryMap) memoryMap = ReadMemoryMap(tag);
                else if (type == TagAcpiNew || (type == TagAcpiOld && result.Rsdp == null)) result.Rsdp = tag.Slice(8).ToArray();
                else if (type == TagLoadBaseAddress)
                {
                    RequireSize(tag, 12, "load base address");
                    result.HasLoadBaseAddress = true;
                    result.LoadBaseAddress = BinaryPrimitives.ReadUInt32LittleEndian(tag.Slice(8));
                }
                offset += (size + 7) & ~7;
            }
            if (!sawEnd) throw new FormatException("multiboot2: no end tag");
            result.MemoryMap = memoryMap;
            result.Modules = modules;
            return result;
        }

        static BootModule ReadModule(ReadOnlySpan<byte> tag)
        {
            RequireSize(tag, 16, "module");
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(tag.Slice(8));
            uint end = BinaryPrimitives.ReadUInt32LittleEndian(tag.Slice(12));
            if (end < start) throw new FormatException("multiboot2: module ends before it starts");
            return new BootModule(start, end, ReadString(tag.Slice(16)));
        }

        static MemoryMapEntry[] ReadMemoryMap(ReadOnlySpan<byte> tag)
        {
            RequireSize(tag, 16, "memory map");
            int entrySize = (int)BinaryPrimitives.ReadUInt32LittleEndian(tag.Slice(8));
            if (entrySize < 24 || entrySize % 8 != 0) throw new FormatException("multiboot2: memory map entry size " + entrySize.ToString());
            var entries = new MemoryMapEntry[(tag.Length - 16) / entrySize];
            for (int i = 0; i < entries.Length; i++)
            {
                ReadOnlySpan<byte> entry = tag.Slice(16 + i * entrySize);
                entries[i] = new MemoryMapEntry(
                    BinaryPrimitives.ReadUInt64LittleEndian(entry),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry.Slice(8)),
                    (MemoryRegionKind)BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(16)));
            }
            return entries;
        }

        static void RequireSize(ReadOnlySpan<byte> tag, int minimum, string what)
        {
            if (tag.Length < minimum) throw new FormatException("multiboot2: " + what + " tag too short");
        }

        // NUL-terminated UTF-8 as the bootloader writes it. Bytes outside ASCII become U+FFFD: command lines and
        // module names are ASCII in practice, and the kernel has no UTF-8 decoder yet.
        static string ReadString(ReadOnlySpan<byte> bytes)
        {
            int length = 0;
            while (length < bytes.Length && bytes[length] != 0) length++;
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = bytes[i] < 0x80 ? (char)bytes[i] : '\uFFFD';
            return new string(chars);
        }

        static T[] Append<T>(T[] items, T item)
        {
            var larger = new T[items.Length + 1];
            Array.Copy(items, larger, items.Length);
            larger[items.Length] = item;
            return larger;
        }
    }
}
