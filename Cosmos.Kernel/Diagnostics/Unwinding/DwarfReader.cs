using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    // A forward cursor over DWARF-encoded bytes: little-endian integers, LEB128 numbers and the DW_EH_PE pointer
    // encodings of .eh_frame. It never reads outside its span: a read past the end, or in an encoding it does not
    // know, sets Failed and yields 0 (and so does every read after it), so a caller reads a whole record and checks
    // once.
    public ref struct DwarfReader
    {
        // DW_EH_PE values: the low nibble is the format, bits 4-6 what the value is relative to.
        public const byte PointerAbsolute = 0x00, PointerUleb128 = 0x01, PointerUdata2 = 0x02, PointerUdata4 = 0x03,
            PointerUdata8 = 0x04, PointerSleb128 = 0x09, PointerSdata2 = 0x0A, PointerSdata4 = 0x0B, PointerSdata8 = 0x0C;
        public const byte PointerPcRelative = 0x10;
        const byte FormatMask = 0x0F;

        readonly ReadOnlySpan<byte> _bytes;
        readonly ulong _address;
        int _position;
        bool _failed;

        // `address` is the virtual address of bytes[0]: pc-relative pointers are relative to where they are stored.
        public DwarfReader(ReadOnlySpan<byte> bytes, ulong address)
        {
            _bytes = bytes;
            _address = address;
            _position = 0;
            _failed = false;
        }

        public int Position => _position;
        public bool Failed => _failed;
        public bool AtEnd => _position >= _bytes.Length;

        public byte ReadByte() => Take(1) ? _bytes[_position - 1] : (byte)0;

        public ushort ReadUInt16() => Take(2) ? BinaryPrimitives.ReadUInt16LittleEndian(_bytes.Slice(_position - 2)) : (ushort)0;

        public uint ReadUInt32() => Take(4) ? BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(_position - 4)) : 0;

        public ulong ReadUInt64() => Take(8) ? BinaryPrimitives.ReadUInt64LittleEndian(_bytes.Slice(_position - 8)) : 0;

        public ulong ReadUleb128() => ReadLeb128(out _, out _);

        public long ReadSleb128()
        {
            ulong value = ReadLeb128(out int bits, out bool negative);
            return (long)(negative && bits < 64 ? value | ulong.MaxValue << bits : value);
        }

        // LEB128's 7-bit groups, least significant first (bits past 64 are dropped). `bits` is how many the groups
        // hold; `negative` is the last group's top bit, which a signed value extends.
        ulong ReadLeb128(out int bits, out bool negative)
        {
            ulong value = 0;
            negative = false;
            for (bits = 0; ; bits += 7)
            {
                byte b = ReadByte();
                if (_failed) return 0;
                if (bits < 64) value |= (ulong)(b & 0x7F) << bits;
                if ((b & 0x80) == 0)
                {
                    bits += 7;
                    negative = (b & 0x40) != 0;
                    return value;
                }
            }
        }

        // A value in one of the DW_EH_PE formats (the low nibble of `encoding`), sign-extended where signed.
        public ulong ReadEncodedValue(byte encoding)
        {
            switch (encoding & FormatMask)
            {
                case PointerAbsolute:
                case PointerUdata8:
                case PointerSdata8: return ReadUInt64();
                case PointerUleb128: return ReadUleb128();
                case PointerUdata2: return ReadUInt16();
                case PointerUdata4: return ReadUInt32();
                case PointerSleb128: return (ulong)ReadSleb128();
                case PointerSdata2: return (ulong)(short)ReadUInt16();
                case PointerSdata4: return (ulong)(int)ReadUInt32();
                default: return Fail();
            }
        }

        // An address in a DW_EH_PE encoding: absolute or relative to where it is stored. Indirect pointers and the
        // text-, data- and function-relative forms need more than this section and fail.
        public ulong ReadPointer(byte encoding)
        {
            ulong storedAt = _address + (ulong)_position;
            ulong value = ReadEncodedValue(encoding);
            switch (encoding & ~FormatMask)
            {
                case 0: return value;
                case PointerPcRelative: return storedAt + value;
                default: return Fail();
            }
        }

        // The bytes up to a NUL, which is consumed; a string that runs to the end fails.
        public ReadOnlySpan<byte> ReadNulTerminated()
        {
            int start = _position;
            while (!_failed && ReadByte() != 0) { }
            return _failed ? ReadOnlySpan<byte>.Empty : _bytes.Slice(start, _position - 1 - start);
        }

        public void Skip(ulong count)
        {
            if (count > (ulong)(_bytes.Length - _position)) Fail();
            else _position += (int)count;
        }

        bool Take(int count)
        {
            if (_failed || count > _bytes.Length - _position)
            {
                Fail();
                return false;
            }
            _position += count;
            return true;
        }

        ulong Fail()
        {
            _failed = true;
            _position = _bytes.Length;
            return 0;
        }
    }
}
