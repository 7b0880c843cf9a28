using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Loader
{
    // A static x86-64 ELF64 executable (System V gABI ch. 4 and 5, x86-64 psABI), checked so that the kernel can map
    // it page by page without further checks: its PT_LOAD segments lie in the allowed address range, never share a
    // page, are never writable and executable, and take their file data from inside the file (docs/loader.md).
    public sealed class ElfImage
    {
        public const ulong PageSize = 4096;

        // A bound on the work a hostile file can cause (real programs have three or four).
        public const int MaximumSegments = 32;

        const int HeaderSize = 64, ProgramHeaderSize = 56;
        const byte Class64 = 2, LittleEndian = 1, CurrentVersion = 1;
        const ushort Executable = 2, MachineX86_64 = 62;                      // ET_EXEC, EM_X86_64
        const uint LoadSegment = 1, InterpreterSegment = 3;                   // PT_LOAD, PT_INTERP
        const uint ExecuteFlag = 1, WriteFlag = 2;                            // PF_X, PF_W

        ElfImage(ulong entry, ElfSegment[] segments)
        {
            Entry = entry;
            Segments = segments;
        }

        public ulong Entry { get; }

        // The PT_LOAD segments with a non-zero MemorySize, sorted by address.
        public ElfSegment[] Segments { get; }

        // Parses file; every segment's pages must lie in [lowestAddress, highestAddress). Returns null with image
        // set, or a message saying what is wrong (segments numbered as their program headers, from 0).
        public static string TryParse(ReadOnlySpan<byte> file, ulong lowestAddress, ulong highestAddress, out ElfImage image)
        {
            image = null;
            if (file.Length < HeaderSize || file[0] != 0x7F || file[1] != 'E' || file[2] != 'L' || file[3] != 'F')
                return "not an ELF file";
            if (file[4] != Class64 || file[5] != LittleEndian || file[6] != CurrentVersion || U16(file, 18) != MachineX86_64)
                return "not a 64-bit little-endian x86-64 executable";
            if (U16(file, 16) != Executable) return "not a static executable (ET_EXEC)";
            ulong entry = U64(file, 24), headersOffset = U64(file, 32);
            int headerSize = U16(file, 54), headerCount = U16(file, 56);
            if (headerSize != ProgramHeaderSize)
                return "program header size " + headerSize.ToString() + " is not " + ProgramHeaderSize.ToString();
            if (headerCount == 0) return "no program headers";
            if (headersOffset > (ulong)file.Length || (ulong)(headerCount * ProgramHeaderSize) > (ulong)file.Length - headersOffset)
                return "the program headers lie past the end of the file";

            var segments = new ElfSegment[MaximumSegments];
            var numbers = new int[MaximumSegments];
            int count = 0;
            for (int n = 0; n < headerCount; n++)
            {
                ReadOnlySpan<byte> header = file.Slice((int)headersOffset + n * ProgramHeaderSize, ProgramHeaderSize);
                uint type = U32(header, 0);
                if (type == InterpreterSegment) return "not a static executable: it asks for an interpreter (PT_INTERP)";
                if (type != LoadSegment) continue;
                uint flags = U32(header, 4);
                var segment = new ElfSegment(U64(header, 16), U64(header, 40), U64(header, 8), U64(header, 32),
                                             (flags & WriteFlag) != 0, (flags & ExecuteFlag) != 0);
                if (segment.MemorySize == 0) continue;
                string error = Check("segment " + n.ToString(), segment, file.Length, lowestAddress, highestAddress);
                if (error != null) return error;
                if (count == MaximumSegments) return "more than " + MaximumSegments.ToString() + " loadable segments";
                for (int m = 0; m < count; m++)
                    if (segment.PageStart < segments[m].PageEnd && segments[m].PageStart < segment.PageEnd)
                        return "segment " + n.ToString() + " overlaps segment " + numbers[m].ToString() + " (segments may not share a page)";
                numbers[count] = n;
                segments[count++] = segment;
            }
            if (count == 0) return "no loadable segments";
            Array.Resize(ref segments, count);
            Array.Sort(segments, (a, b) => a.VirtualAddress < b.VirtualAddress ? -1 : a.VirtualAddress > b.VirtualAddress ? 1 : 0);
            if (!InExecutableSegment(entry, segments))
                return "the entry point 0x" + entry.ToString("X") + " lies in no executable segment";
            image = new ElfImage(entry, segments);
            return null;
        }

        // What is wrong with one segment on its own, or null.
        static string Check(string name, ElfSegment segment, int fileLength, ulong lowestAddress, ulong highestAddress)
        {
            if (segment.Writable && segment.Executable) return name + " is both writable and executable";
            if (segment.FileSize > segment.MemorySize) return name + " has FileSize > MemorySize";
            if (segment.FileOffset > (ulong)fileLength || segment.FileSize > (ulong)fileLength - segment.FileOffset)
                return name + "'s file data lies past the end of the file";
            if (segment.VirtualAddress % PageSize != segment.FileOffset % PageSize)
                return name + "'s address and file offset differ modulo the page size";
            bool wraps = segment.VirtualAddress > ulong.MaxValue - PageSize || segment.MemorySize > ulong.MaxValue - PageSize - segment.VirtualAddress;
            if (wraps || segment.PageStart < lowestAddress || segment.PageEnd > highestAddress)
                return name + " lies outside the user half";
            return null;
        }

        static bool InExecutableSegment(ulong address, ElfSegment[] segments)
        {
            foreach (ElfSegment segment in segments)
                if (segment.Executable && address >= segment.VirtualAddress && address - segment.VirtualAddress < segment.MemorySize)
                    return true;
            return false;
        }

        static ushort U16(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at));
        static uint U32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at));
        static ulong U64(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(at));
    }
}
