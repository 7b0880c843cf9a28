using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // Writes an .eh_frame section byte by byte as the Linux Standard Base lays it out, at a chosen virtual address
    // (pc-relative pointers depend on it): entries of a u32 length then that many bytes, a CIE's id 0 or an FDE's
    // distance back to its CIE, then their fields. Instructions are padded with DW_CFA_nop to 8 bytes, as ld does.
    // Deliberately broken entries can be written with Raw.
    public sealed class EhFrameBuilder
    {
        // DW_EH_PE formats and the pc-relative flag; ILC and GCC write pc-relative sdata4.
        public const byte Absolute = 0x00, Uleb128 = 0x01, Udata2 = 0x02, Udata4 = 0x03, Udata8 = 0x04, Sleb128 = 0x09,
            Sdata2 = 0x0A, Sdata4 = 0x0B, Sdata8 = 0x0C, PcRelative = 0x10, PcRelativeSdata4 = PcRelative | Sdata4;

        readonly List<byte> _bytes = new List<byte>();
        readonly Dictionary<int, (byte Encoding, bool HasAugmentationData)> _cies = new Dictionary<int, (byte, bool)>();

        public EhFrameBuilder(ulong address = 0xFFFFFFFF80232300) { Address = address; }

        public ulong Address { get; }
        public int Length => _bytes.Count;

        public byte[] ToArray() => _bytes.ToArray();

        // Returns the CIE's offset, for the FDEs that use it. Augmentation letters after "z": R (the FDE pointer
        // encoding), L (an LSDA encoding), P (a personality routine, written absolute); any other letter is written
        // with no data.
        public int Cie(byte[] initialInstructions = null, string augmentation = "zR", byte pointerEncoding = PcRelativeSdata4,
                       ulong codeAlignment = 1, long dataAlignment = -8, ulong returnAddressRegister = Cfa.ReturnAddress, byte version = 1)
        {
            int offset = BeginEntry(0);
            _bytes.Add(version);
            foreach (char letter in augmentation) _bytes.Add((byte)letter);
            _bytes.Add(0);
            _bytes.AddRange(Cfa.Uleb128(codeAlignment));
            _bytes.AddRange(Cfa.Sleb128(dataAlignment));
            if (version == 1) _bytes.Add(checked((byte)returnAddressRegister));
            else _bytes.AddRange(Cfa.Uleb128(returnAddressRegister));
            bool hasAugmentationData = augmentation.StartsWith("z");
            if (hasAugmentationData)
            {
                var data = new List<byte>();
                foreach (char letter in augmentation.Substring(1))
                {
                    if (letter == 'R') data.Add(pointerEncoding);
                    else if (letter == 'L') data.Add(PcRelativeSdata4);
                    else if (letter == 'P')
                    {
                        data.Add(Absolute);
                        data.AddRange(BitConverter.GetBytes(0xFFFFFFFF80212340UL));
                    }
                }
                _bytes.AddRange(Cfa.Uleb128((ulong)data.Count));
                _bytes.AddRange(data);
            }
            _bytes.AddRange(initialInstructions ?? Cfa.CallEntry);
            EndEntry(offset);
            _cies[offset] = (augmentation.Contains('R') ? pointerEncoding : Absolute, hasAugmentationData);
            return offset;
        }

        // An FDE for [start, start + length); augmentation data (an LSDA pointer for ILC) when its CIE has "z".
        public int Fde(int cie, ulong start, ulong length, byte[] instructions = null, byte[] augmentationData = null)
        {
            var (encoding, hasAugmentationData) = _cies[cie];
            int offset = BeginEntry((uint)(_bytes.Count + 4 - cie));
            Encoded(encoding, start, isAddress: true);
            Encoded(encoding, length, isAddress: false);
            if (hasAugmentationData)
            {
                augmentationData ??= Array.Empty<byte>();
                _bytes.AddRange(Cfa.Uleb128((ulong)augmentationData.Length));
                _bytes.AddRange(augmentationData);
            }
            _bytes.AddRange(instructions ?? Array.Empty<byte>());
            EndEntry(offset);
            return offset;
        }

        // A zero length: the terminator some linkers write after the last entry.
        public EhFrameBuilder Terminator() => Raw(0, 0, 0, 0);

        public EhFrameBuilder Raw(params byte[] bytes)
        {
            _bytes.AddRange(bytes);
            return this;
        }

        int BeginEntry(uint id)
        {
            int offset = _bytes.Count;
            _bytes.AddRange(new byte[4]);
            _bytes.AddRange(BitConverter.GetBytes(id));
            return offset;
        }

        void EndEntry(int offset)
        {
            while ((_bytes.Count - offset) % 8 != 0) _bytes.Add(0);   // DW_CFA_nop
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)(_bytes.Count - offset - 4));
            for (int i = 0; i < 4; i++) _bytes[offset + i] = length[i];
        }

        void Encoded(byte encoding, ulong value, bool isAddress)
        {
            if (isAddress && (encoding & 0x70) == PcRelative) value -= Address + (ulong)_bytes.Count;
            long signed = unchecked((long)value);
            switch (encoding & 0x0F)
            {
                case Absolute: case Udata8: case Sdata8: _bytes.AddRange(BitConverter.GetBytes(value)); break;
                case Uleb128: _bytes.AddRange(Cfa.Uleb128(value)); break;
                case Sleb128: _bytes.AddRange(Cfa.Sleb128(signed)); break;
                case Udata2: _bytes.AddRange(BitConverter.GetBytes(checked((ushort)value))); break;
                case Sdata2: _bytes.AddRange(BitConverter.GetBytes(checked((short)signed))); break;
                case Udata4: _bytes.AddRange(BitConverter.GetBytes(checked((uint)value))); break;
                case Sdata4: _bytes.AddRange(BitConverter.GetBytes(checked((int)signed))); break;
                default: _bytes.AddRange(BitConverter.GetBytes(value)); break;   // an encoding the reader should refuse
            }
        }
    }
}
