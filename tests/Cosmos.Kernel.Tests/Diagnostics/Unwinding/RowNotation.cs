using System;
using System.Text.RegularExpressions;
using Cosmos.Kernel.Diagnostics.Unwinding;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // Rows of a call-frame table written as `readelf --debug-dump=frames-interp` writes them: "rsp+16 ra=c-8 rbp=c-16"
    // is CFA = rsp + 16, the return address at CFA - 8 and the caller's rbp at CFA - 16. A rule is "c±N" (saved at
    // CFA ± N), "s" (unchanged) or "u" (undefined).
    public static class RowNotation
    {
        static readonly Regex s_row = new Regex(@"^(rsp|rbp)([+-]\d+) ra=(c[+-]\d+|u|s) rbp=(c[+-]\d+|u|s)$");

        public static string Of(CallFrameRow row) =>
            Register(row.CfaRegister) + Signed(row.CfaOffset) + " ra=" + Rule(row.ReturnAddress) + " rbp=" + Rule(row.FramePointer);

        public static (bool CfaFromRbp, long CfaOffset, long ReturnAddressOffset, long? SavedRbpOffset) Parse(string row)
        {
            Match match = s_row.Match(row);
            if (!match.Success || !match.Groups[3].Value.StartsWith("c")) throw new FormatException("not a row a call can leave: " + row);
            string rbp = match.Groups[4].Value;
            return (match.Groups[1].Value == "rbp", long.Parse(match.Groups[2].Value), long.Parse(match.Groups[3].Value.Substring(1)),
                    rbp.StartsWith("c") ? long.Parse(rbp.Substring(1)) : null);
        }

        static string Register(ulong register) =>
            register == CallFrameRow.StackPointerRegister ? "rsp" : register == CallFrameRow.FramePointerRegister ? "rbp" : "r" + register;

        static string Rule(RegisterRule rule) => rule.Kind switch
        {
            RegisterRuleKind.SavedAtCfaOffset => "c" + Signed(rule.Offset),
            RegisterRuleKind.Undefined => "u",
            _ => "s",
        };

        static string Signed(long value) => (value < 0 ? "" : "+") + value;
    }
}
