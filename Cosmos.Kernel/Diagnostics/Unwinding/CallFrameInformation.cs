using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    public enum EntryKind { SectionEnd, CommonInformation, FrameDescription, Malformed }

    // The call-frame information in .eh_frame (DWARF 4 section 6.4 as the Linux Standard Base adapts it), read in
    // place from the section's bytes and virtual address. ILC writes an FDE for every method it compiles; the
    // assembly stubs have none. Bad input never throws and is never read outside the span: an entry that cannot be
    // read is Malformed, and a lookup gives up there, since nothing after it can be found.
    public readonly ref struct CallFrameInformation
    {
        const uint CieId = 0;
        const uint ExtendedLength = 0xFFFFFFFF;   // 64-bit DWARF, which no producer here writes

        readonly ReadOnlySpan<byte> _section;
        readonly ulong _address;

        public CallFrameInformation(ReadOnlySpan<byte> section, ulong address)
        {
            _section = section;
            _address = address;
        }

        // Reads the entry at `offset` and, unless it is Malformed, moves `offset` past it. A zero length (the
        // terminator some linkers append) ends the section like its last byte does.
        public EntryKind ReadEntry(ref int offset, out FrameDescription description)
        {
            description = default;
            if (offset < 0) return EntryKind.Malformed;
            if (offset >= _section.Length || (_section.Length - offset >= 4 && ReadUInt32(offset) == 0)) return EntryKind.SectionEnd;
            if (!TryBound(offset, out int body, out int end)) return EntryKind.Malformed;
            uint id = ReadUInt32(body);
            bool readable = id == CieId ? TryReadCommonInformation(offset, out _) : TryReadFrameDescription(body, id, end, out description);
            if (!readable) return EntryKind.Malformed;
            offset = end;
            return id == CieId ? EntryKind.CommonInformation : EntryKind.FrameDescription;
        }

        // The FDE whose code range holds `address`, found by reading the section in order.
        public bool TryFindDescription(ulong address, out FrameDescription description)
        {
            int offset = 0;
            while (true)
            {
                EntryKind kind = ReadEntry(ref offset, out description);
                if (kind == EntryKind.FrameDescription && description.Covers(address)) return true;
                if (kind == EntryKind.SectionEnd || kind == EntryKind.Malformed) return false;
            }
        }

        // The row of the description's table that applies at `address`: where the frame's caller state is there.
        public bool TryComputeRow(in FrameDescription description, ulong address, out CallFrameRow row)
        {
            CommonInformation common = description.Common;
            return CallFrameProgram.TryRun(common, Bytes(common.InstructionsStart, common.InstructionsEnd),
                                           description.Start, Bytes(description.InstructionsStart, description.InstructionsEnd),
                                           address, out row);
        }

        // An entry is a 4-byte length, then that many bytes: its body, which starts with a 4-byte id (0 for a CIE;
        // for an FDE, how far back from the id its CIE starts).
        bool TryBound(int offset, out int body, out int end)
        {
            body = offset + 4;
            end = body;
            if (_section.Length - offset < 4) return false;
            uint length = ReadUInt32(offset);
            if (length == ExtendedLength || length < 4 || length > (uint)(_section.Length - body)) return false;
            end = body + (int)length;
            return true;
        }

        bool TryReadCommonInformation(int offset, out CommonInformation common)
        {
            common = default;
            if (!TryBound(offset, out int body, out int end) || ReadUInt32(body) != CieId) return false;
            DwarfReader reader = Reader(body + 4, end);
            byte version = reader.ReadByte();
            ReadOnlySpan<byte> augmentation = reader.ReadNulTerminated();
            ulong codeAlignment = reader.ReadUleb128();
            long dataAlignment = reader.ReadSleb128();
            ulong returnAddressRegister = version == 1 ? reader.ReadByte() : reader.ReadUleb128();
            bool hasAugmentationData = augmentation.Length > 0 && augmentation[0] == (byte)'z';
            byte pointerEncoding = DwarfReader.PointerAbsolute;
            if (augmentation.Length > 0 && !hasAugmentationData) return false;   // pre-"z" forms such as "eh"
            if (hasAugmentationData)
            {
                ulong dataLength = reader.ReadUleb128();
                int dataStart = reader.Position;
                for (int i = 1; i < augmentation.Length; i++)
                {
                    byte letter = augmentation[i];
                    if (letter == (byte)'R') pointerEncoding = reader.ReadByte();
                    else if (letter == (byte)'L') reader.ReadByte();                           // the LSDA's encoding
                    else if (letter == (byte)'P') reader.ReadEncodedValue(reader.ReadByte());   // the personality routine
                    else return false;   // the letters' data must be understood in order to find what follows
                }
                ulong used = (ulong)(reader.Position - dataStart);
                if (reader.Failed || used > dataLength) return false;
                reader.Skip(dataLength - used);
            }
            if (reader.Failed || (version != 1 && version != 3) || codeAlignment == 0) return false;
            common = new CommonInformation(codeAlignment, dataAlignment, returnAddressRegister, pointerEncoding,
                                           hasAugmentationData, body + 4 + reader.Position, end);
            return true;
        }

        bool TryReadFrameDescription(int body, uint cieDistance, int end, out FrameDescription description)
        {
            description = default;
            if (cieDistance > (uint)body || !TryReadCommonInformation(body - (int)cieDistance, out CommonInformation common)) return false;
            DwarfReader reader = Reader(body + 4, end);
            ulong start = reader.ReadPointer(common.PointerEncoding);
            ulong length = reader.ReadEncodedValue(common.PointerEncoding);
            if (common.HasAugmentationData) reader.Skip(reader.ReadUleb128());
            if (reader.Failed || start + length < start) return false;
            description = new FrameDescription(start, start + length, common, body + 4 + reader.Position, end);
            return true;
        }

        DwarfReader Reader(int start, int end) => new DwarfReader(Bytes(start, end), _address + (ulong)start);

        ReadOnlySpan<byte> Bytes(int start, int end) => _section.Slice(start, end - start);

        uint ReadUInt32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(_section.Slice(offset));
    }
}
