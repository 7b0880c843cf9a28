using System;

namespace Cosmos.Kernel.Diagnostics.Unwinding
{
    // Runs DWARF call-frame instructions (DWARF 4 section 6.4.2): a CIE's initial instructions, then an FDE's up to a
    // code address, giving the row of the frame's table that applies there. Rules for the registers a stack walk does
    // not restore (rbx, r12-r15...) are read and dropped. An opcode outside the set below, a truncated operand or
    // unbalanced remember/restore_state stops it with false, never an exception.
    static class CallFrameProgram
    {
        const int MaxRememberedRows = 8;

        // The three primary opcodes keep their operand in the low six bits.
        const int PrimaryMask = 0xC0, AdvanceLoc = 0x40, Offset = 0x80, Restore = 0xC0;
        const int Nop = 0x00, AdvanceLoc1 = 0x02, AdvanceLoc2 = 0x03, AdvanceLoc4 = 0x04, OffsetExtended = 0x05,
            RestoreExtended = 0x06, Undefined = 0x07, SameValue = 0x08, RememberState = 0x0A, RestoreState = 0x0B,
            DefCfa = 0x0C, DefCfaRegister = 0x0D, DefCfaOffset = 0x0E, OffsetExtendedSf = 0x11, DefCfaSf = 0x12,
            DefCfaOffsetSf = 0x13, GnuArgsSize = 0x2E;

        public static bool TryRun(in CommonInformation common, ReadOnlySpan<byte> initialInstructions, ulong start,
                                  ReadOnlySpan<byte> instructions, ulong address, out CallFrameRow row)
        {
            row = CallFrameRow.Empty;
            Span<CallFrameRow> remembered = stackalloc CallFrameRow[MaxRememberedRows];
            int depth = 0;
            if (!Execute(common, initialInstructions, start, address, ref row, row, remembered, ref depth)) return false;
            return Execute(common, instructions, start, address, ref row, row, remembered, ref depth);
        }

        // `initial` is the row DW_CFA_restore goes back to: the one the CIE's instructions produce.
        static bool Execute(in CommonInformation common, ReadOnlySpan<byte> instructions, ulong start, ulong address,
                            ref CallFrameRow row, CallFrameRow initial, Span<CallFrameRow> remembered, ref int depth)
        {
            var reader = new DwarfReader(instructions, 0);
            ulong location = start;
            while (!reader.AtEnd)
            {
                int opcode = reader.ReadByte();
                int primary = opcode & PrimaryMask;
                ulong advance = 0;
                ulong register;
                switch (primary != 0 ? primary : opcode)
                {
                    case Nop: break;
                    case GnuArgsSize: reader.ReadUleb128(); break;   // bytes of pushed arguments: the CFA rule covers them
                    case AdvanceLoc: advance = (ulong)(opcode & ~PrimaryMask); break;
                    case AdvanceLoc1: advance = reader.ReadByte(); break;
                    case AdvanceLoc2: advance = reader.ReadUInt16(); break;
                    case AdvanceLoc4: advance = reader.ReadUInt32(); break;
                    case Offset:
                        SetRule(ref row, common, (ulong)(opcode & ~PrimaryMask), RegisterRule.SavedAt((long)reader.ReadUleb128() * common.DataAlignment));
                        break;
                    case OffsetExtended:
                        register = reader.ReadUleb128();
                        SetRule(ref row, common, register, RegisterRule.SavedAt((long)reader.ReadUleb128() * common.DataAlignment));
                        break;
                    case OffsetExtendedSf:
                        register = reader.ReadUleb128();
                        SetRule(ref row, common, register, RegisterRule.SavedAt(reader.ReadSleb128() * common.DataAlignment));
                        break;
                    case Restore: Revert(ref row, common, (ulong)(opcode & ~PrimaryMask), initial); break;
                    case RestoreExtended: Revert(ref row, common, reader.ReadUleb128(), initial); break;
                    case Undefined: SetRule(ref row, common, reader.ReadUleb128(), RegisterRule.Undefined); break;
                    case SameValue: SetRule(ref row, common, reader.ReadUleb128(), RegisterRule.Unchanged); break;
                    case RememberState:
                        if (depth == remembered.Length) return false;
                        remembered[depth++] = row;
                        break;
                    case RestoreState:
                        if (depth == 0) return false;
                        row = remembered[--depth];
                        break;
                    case DefCfa:
                        row.CfaRegister = reader.ReadUleb128();
                        row.CfaOffset = (long)reader.ReadUleb128();
                        break;
                    case DefCfaSf:
                        row.CfaRegister = reader.ReadUleb128();
                        row.CfaOffset = reader.ReadSleb128() * common.DataAlignment;
                        break;
                    case DefCfaRegister: row.CfaRegister = reader.ReadUleb128(); break;
                    case DefCfaOffset: row.CfaOffset = (long)reader.ReadUleb128(); break;
                    case DefCfaOffsetSf: row.CfaOffset = reader.ReadSleb128() * common.DataAlignment; break;
                    default: return false;
                }
                if (advance != 0)
                {
                    // A new row starts at the advanced location; the one in force at `address` is complete.
                    ulong next = location + advance * common.CodeAlignment;
                    if (next > address || next < location) return !reader.Failed;
                    location = next;
                }
            }
            return !reader.Failed;
        }

        static void SetRule(ref CallFrameRow row, in CommonInformation common, ulong register, RegisterRule rule)
        {
            if (register == common.ReturnAddressRegister) row.ReturnAddress = rule;
            else if (register == CallFrameRow.FramePointerRegister) row.FramePointer = rule;
        }

        static void Revert(ref CallFrameRow row, in CommonInformation common, ulong register, in CallFrameRow initial)
            => SetRule(ref row, common, register, register == common.ReturnAddressRegister ? initial.ReturnAddress : initial.FramePointer);
    }
}
