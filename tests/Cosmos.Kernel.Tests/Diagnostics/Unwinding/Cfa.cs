using System;
using System.Collections.Generic;
using System.Linq;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // DWARF call-frame instructions as bytes (DWARF 4 section 7.23), one method per opcode, for hand-built CIEs and
    // FDEs. Registers are DWARF x86-64 numbers.
    public static class Cfa
    {
        public const int Rbx = 3, Rbp = 6, Rsp = 7, R12 = 12, ReturnAddress = 16;

        public static byte[] Program(params byte[][] instructions) => instructions.SelectMany(i => i).ToArray();

        public static byte[] Nop => new byte[] { 0x00 };
        public static byte[] AdvanceLoc(int delta) => delta is > 0 and < 64 ? new[] { (byte)(0x40 | delta) } : throw new ArgumentOutOfRangeException(nameof(delta));
        public static byte[] AdvanceLoc1(byte delta) => new byte[] { 0x02, delta };
        public static byte[] AdvanceLoc2(ushort delta) => new byte[] { 0x03, (byte)delta, (byte)(delta >> 8) };
        public static byte[] AdvanceLoc4(uint delta) => Join(0x04, BitConverter.GetBytes(delta));
        public static byte[] Offset(int register, ulong factoredOffset) => Join((byte)(0x80 | Register6(register)), Uleb128(factoredOffset));
        public static byte[] OffsetExtended(ulong register, ulong factoredOffset) => Join(0x05, Uleb128(register), Uleb128(factoredOffset));
        public static byte[] OffsetExtendedSf(ulong register, long factoredOffset) => Join(0x11, Uleb128(register), Sleb128(factoredOffset));
        public static byte[] Restore(int register) => new[] { (byte)(0xC0 | Register6(register)) };
        public static byte[] RestoreExtended(ulong register) => Join(0x06, Uleb128(register));
        public static byte[] Undefined(ulong register) => Join(0x07, Uleb128(register));
        public static byte[] SameValue(ulong register) => Join(0x08, Uleb128(register));
        public static byte[] RememberState => new byte[] { 0x0A };
        public static byte[] RestoreState => new byte[] { 0x0B };
        public static byte[] DefCfa(ulong register, ulong offset) => Join(0x0C, Uleb128(register), Uleb128(offset));
        public static byte[] DefCfaSf(ulong register, long factoredOffset) => Join(0x12, Uleb128(register), Sleb128(factoredOffset));
        public static byte[] DefCfaRegister(ulong register) => Join(0x0D, Uleb128(register));
        public static byte[] DefCfaOffset(ulong offset) => Join(0x0E, Uleb128(offset));
        public static byte[] DefCfaOffsetSf(long factoredOffset) => Join(0x13, Sleb128(factoredOffset));
        public static byte[] GnuArgsSize(ulong size) => Join(0x2E, Uleb128(size));

        // What ILC's CIE holds: CFA = rsp + 8 and the return address just below it (data alignment -8).
        public static byte[] CallEntry => Program(DefCfa(Rsp, 8), Offset(ReturnAddress, 1));

        public static byte[] Uleb128(ulong value)
        {
            var bytes = new List<byte>();
            do
            {
                byte b = (byte)(value & 0x7F);
                value >>= 7;
                bytes.Add(value != 0 ? (byte)(b | 0x80) : b);
            } while (value != 0);
            return bytes.ToArray();
        }

        public static byte[] Sleb128(long value)
        {
            var bytes = new List<byte>();
            while (true)
            {
                byte b = (byte)(value & 0x7F);
                value >>= 7;
                bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
                bytes.Add(done ? b : (byte)(b | 0x80));
                if (done) return bytes.ToArray();
            }
        }

        static int Register6(int register) => register is >= 0 and < 64 ? register : throw new ArgumentOutOfRangeException(nameof(register));

        static byte[] Join(byte opcode, params byte[][] operands) => new[] { opcode }.Concat(operands.SelectMany(o => o)).ToArray();
    }
}
