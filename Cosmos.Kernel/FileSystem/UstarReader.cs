using System;

namespace Cosmos.Kernel.FileSystem
{
    // Reads the members of a POSIX ustar archive (IEEE 1003.1-1988 "ustar" format, what `tar --format=ustar` writes)
    // one by one: 512-byte headers, each followed by its contents padded to 512 bytes; two zero blocks end it.
    // Every header's checksum is checked, and so is that its contents lie inside the archive.
    public ref struct UstarReader
    {
        const int BlockSize = 512;
        const int NameOffset = 0, NameLength = 100, SizeOffset = 124, SizeLength = 12, ChecksumOffset = 148,
                  ChecksumLength = 8, TypeOffset = 156, MagicOffset = 257, PrefixOffset = 345, PrefixLength = 155;

        readonly ReadOnlySpan<byte> _archive;
        int _offset;

        public UstarReader(ReadOnlySpan<byte> archive)
        {
            _archive = archive;
            _offset = 0;
        }

        // The next member: true with entry set, or false at the end marker (error null) or on a malformed archive
        // (error says what is wrong and at which offset).
        public bool Next(out UstarEntry entry, out string error)
        {
            entry = default;
            error = null;
            if (_archive.Length - _offset < BlockSize)
            {
                error = "the archive ends at offset " + _offset.ToString() + " without its end marker (two zero blocks)";
                return false;
            }
            ReadOnlySpan<byte> header = _archive.Slice(_offset, BlockSize);
            if (IsZero(header))
            {
                bool secondIsZero = _archive.Length - _offset >= 2 * BlockSize && IsZero(_archive.Slice(_offset + BlockSize, BlockSize));
                if (!secondIsZero) error = "a zero block at offset " + _offset.ToString() + " is not followed by a second one";
                return false;
            }
            string path = Path(header);
            string at = "entry \"" + path + "\" at offset " + _offset.ToString();
            if (!ParseOctal(header.Slice(ChecksumOffset, ChecksumLength), out long checksum) || checksum != Checksum(header))
            {
                error = at + ": bad header checksum";
                return false;
            }
            if (!ParseOctal(header.Slice(SizeOffset, SizeLength), out long size))
            {
                error = at + ": bad size field";
                return false;
            }
            int contentsOffset = _offset + BlockSize;
            if (size > _archive.Length - contentsOffset)
            {
                error = at + ": its " + size.ToString() + " bytes run past the end of the archive";
                return false;
            }
            entry = new UstarEntry(path, (char)header[TypeOffset], _archive.Slice(contentsOffset, (int)size), _offset);
            _offset = contentsOffset + (int)((size + BlockSize - 1) / BlockSize * BlockSize);
            if (_offset > _archive.Length) _offset = _archive.Length;   // the last member's padding may be cut short
            return true;
        }

        // prefix + '/' + name when the header is POSIX ustar ("ustar\0") and has a prefix; otherwise just name.
        static string Path(ReadOnlySpan<byte> header)
        {
            string name = Text(header.Slice(NameOffset, NameLength));
            bool posix = header.Slice(MagicOffset, 6).SequenceEqual("ustar\0"u8);
            string prefix = posix ? Text(header.Slice(PrefixOffset, PrefixLength)) : "";
            return prefix.Length == 0 ? name : prefix + "/" + name;
        }

        // A NUL-terminated (or field-long) name, one char per byte as the kernel holds user strings.
        static string Text(ReadOnlySpan<byte> field)
        {
            int length = field.IndexOf((byte)0);
            if (length < 0) length = field.Length;
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)field[i];
            return new string(chars);
        }

        // The sum of the header's bytes with the checksum field counted as eight spaces.
        static long Checksum(ReadOnlySpan<byte> header)
        {
            long sum = 0;
            for (int i = 0; i < BlockSize; i++)
                sum += i >= ChecksumOffset && i < ChecksumOffset + ChecksumLength ? ' ' : header[i];
            return sum;
        }

        // An octal number, optionally space-padded in front, ended by NUL, space or the field's end; at least one digit.
        static bool ParseOctal(ReadOnlySpan<byte> field, out long value)
        {
            value = 0;
            int i = 0;
            while (i < field.Length && field[i] == ' ') i++;
            int firstDigit = i;
            for (; i < field.Length && field[i] >= '0' && field[i] <= '7'; i++) value = value * 8 + (field[i] - '0');
            if (i == firstDigit) return false;
            for (; i < field.Length; i++)
                if (field[i] != 0 && field[i] != ' ') return false;
            return true;
        }

        static bool IsZero(ReadOnlySpan<byte> block)
        {
            foreach (byte b in block)
                if (b != 0) return false;
            return true;
        }
    }
}
