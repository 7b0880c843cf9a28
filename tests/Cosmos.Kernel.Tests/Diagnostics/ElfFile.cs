using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Cosmos.Kernel.Tests.Diagnostics
{
    // The parts of an ELF64 little-endian file (System V gABI, chapter 4) the tests read from kernel.elf: sections by
    // name, with their bytes and addresses, and the symbol table.
    public sealed class ElfFile
    {
        public const int FunctionSymbol = 2;   // STT_FUNC

        public sealed record Section(string Name, ulong Address, byte[] Bytes);
        public sealed record Symbol(string Name, ulong Address, ulong Size, int Type);

        readonly byte[] _file;
        readonly List<(string Name, uint Type, ulong Address, ulong Offset, ulong Size, uint Link)> _sections = new();

        public ElfFile(string path)
        {
            _file = File.ReadAllBytes(path);
            if (_file.Length < 64 || _file[0] != 0x7F || _file[1] != 'E' || _file[2] != 'L' || _file[3] != 'F' || _file[4] != 2 || _file[5] != 1)
                throw new InvalidDataException(path + " is not a little-endian ELF64 file");
            ulong headers = U64(0x28);
            int size = U16(0x3A), count = U16(0x3C), names = U16(0x3E);
            var raw = new List<(uint NameOffset, uint Type, ulong Address, ulong Offset, ulong Size, uint Link)>();
            for (int i = 0; i < count; i++)
            {
                int at = (int)headers + i * size;
                raw.Add((U32(at), U32(at + 4), U64(at + 16), U64(at + 24), U64(at + 32), U32(at + 40)));
            }
            foreach (var s in raw) _sections.Add((String(raw[names].Offset + s.NameOffset), s.Type, s.Address, s.Offset, s.Size, s.Link));
        }

        public Section GetSection(string name)
        {
            foreach (var s in _sections)
                if (s.Name == name) return new Section(name, s.Address, _file.AsSpan((int)s.Offset, (int)s.Size).ToArray());
            throw new KeyNotFoundException("no section " + name);
        }

        public IReadOnlyList<Symbol> Symbols()
        {
            const uint SymbolTable = 2;   // SHT_SYMTAB
            var symbols = new List<Symbol>();
            foreach (var table in _sections)
            {
                if (table.Type != SymbolTable) continue;
                ulong strings = _sections[(int)table.Link].Offset;
                for (ulong at = table.Offset; at + 24 <= table.Offset + table.Size; at += 24)
                    symbols.Add(new Symbol(String(strings + U32((int)at)), U64((int)at + 8), U64((int)at + 16), _file[at + 4] & 0xF));
            }
            return symbols;
        }

        int U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_file.AsSpan(at));
        uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_file.AsSpan(at));
        ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(_file.AsSpan(at));

        string String(ulong at)
        {
            int end = (int)at;
            while (_file[end] != 0) end++;
            return Encoding.ASCII.GetString(_file, (int)at, end - (int)at);
        }
    }
}
