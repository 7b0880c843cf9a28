using System;

namespace Cosmos.Kernel.Diagnostics
{
    // The kernel's code symbols, from the text file the build writes with nm (one "<hex address> <name>" line per
    // symbol, sorted by address) and GRUB loads as the boot module named "symbols". Kept as the raw text: it is read
    // only to symbolize a stack trace, where one pass over it for all frames costs nothing that matters.
    public sealed class SymbolTable
    {
        readonly byte[] _text;

        public SymbolTable(byte[] text) { _text = text; }

        // The symbol containing each address: the one with the greatest address not above it. Addresses before the
        // first symbol get an empty name.
        public void Resolve(ulong[] addresses, string[] names, ulong[] offsets)
        {
            var best = new ulong[addresses.Length];
            var bestLine = new int[addresses.Length];
            for (int i = 0; i < addresses.Length; i++) bestLine[i] = -1;

            int line = 0;
            while (line < _text.Length)
            {
                int end = line;
                while (end < _text.Length && _text[end] != (byte)'\n') end++;
                if (TryParseAddress(line, end, out ulong symbolAddress, out int nameStart))
                {
                    for (int i = 0; i < addresses.Length; i++)
                    {
                        if (symbolAddress <= addresses[i] && (bestLine[i] < 0 || symbolAddress >= best[i]))
                        {
                            best[i] = symbolAddress;
                            bestLine[i] = nameStart;
                        }
                    }
                }
                line = end + 1;
            }

            for (int i = 0; i < addresses.Length; i++)
            {
                names[i] = bestLine[i] < 0 ? "" : ReadName(bestLine[i]);
                offsets[i] = bestLine[i] < 0 ? 0 : addresses[i] - best[i];
            }
        }

        bool TryParseAddress(int start, int end, out ulong address, out int nameStart)
        {
            address = 0;
            int i = start;
            for (; i < end && _text[i] != (byte)' '; i++)
            {
                int digit = HexDigit(_text[i]);
                if (digit < 0) { nameStart = 0; return false; }
                address = address << 4 | (uint)digit;
            }
            nameStart = i + 1;
            return i > start && nameStart < end;
        }

        static int HexDigit(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9') return c - '0';
            if (c >= (byte)'a' && c <= (byte)'f') return c - 'a' + 10;
            if (c >= (byte)'A' && c <= (byte)'F') return c - 'A' + 10;
            return -1;
        }

        string ReadName(int start)
        {
            int end = start;
            while (end < _text.Length && _text[end] != (byte)'\n' && _text[end] != (byte)'\r') end++;
            var chars = new char[end - start];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)_text[start + i];
            return new string(chars);
        }
    }
}
