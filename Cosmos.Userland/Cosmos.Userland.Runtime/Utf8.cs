using System;

namespace Cosmos.Userland.Runtime
{
    // UTF-8, the encoding of everything that crosses the system-call boundary (paths, arguments, console text), to and
    // from C#'s UTF-16. A malformed sequence decodes as U+FFFD; an unpaired surrogate encodes as U+FFFD.
    public static class Utf8
    {
        const char Replacement = '\uFFFD';

        // The bytes Encode writes for `text`.
        public static int EncodedLength(ReadOnlySpan<char> text)
        {
            int length = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80) length += 1;
                else if (c < 0x800) length += 2;
                else if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1])) { length += 4; i++; }
                else length += 3;
            }
            return length;
        }

        // Writes `text` into `destination`, which holds at least EncodedLength(text) bytes; returns the bytes written.
        public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
        {
            int at = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00);
                else if (IsHighSurrogate(c) || IsLowSurrogate(c))
                    c = Replacement;

                if (c < 0x80) destination[at++] = (byte)c;
                else if (c < 0x800)
                {
                    destination[at++] = (byte)(0xC0 | (c >> 6));
                    destination[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c < 0x10000)
                {
                    destination[at++] = (byte)(0xE0 | (c >> 12));
                    destination[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    destination[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    destination[at++] = (byte)(0xF0 | (c >> 18));
                    destination[at++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    destination[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    destination[at++] = (byte)(0x80 | (c & 0x3F));
                }
            }
            return at;
        }

        public static byte[] Encode(string text)
        {
            var bytes = new byte[EncodedLength(text)];
            Encode(text, bytes);
            return bytes;
        }

        static bool IsHighSurrogate(int c) => c >= 0xD800 && c < 0xDC00;

        static bool IsLowSurrogate(int c) => c >= 0xDC00 && c < 0xE000;

        public static string Decode(ReadOnlySpan<byte> bytes)
        {
            // UTF-16 never needs more code units than UTF-8 has bytes.
            var chars = new char[bytes.Length];
            int length = 0;
            int i = 0;
            while (i < bytes.Length)
            {
                int first = bytes[i];
                int continuation = first < 0x80 ? 0 : first >= 0xF0 && first < 0xF5 ? 3 : first >= 0xE0 ? 2 : first >= 0xC2 ? 1 : -1;
                int codePoint = continuation switch { 0 => first, 1 => first & 0x1F, 2 => first & 0x0F, _ => first & 0x07 };
                bool valid = continuation >= 0 && i + continuation < bytes.Length;
                for (int k = 1; valid && k <= continuation; k++)
                {
                    valid = (bytes[i + k] & 0xC0) == 0x80;
                    codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
                }
                if (!valid)
                {
                    chars[length++] = Replacement;
                    i++;
                    continue;
                }
                i += continuation + 1;
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    chars[length++] = (char)(0xD800 + (codePoint >> 10));
                    chars[length++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else chars[length++] = (char)codePoint;
            }
            return new string(chars, 0, length);
        }
    }
}
