using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Diagnostics.Unwinding
{
    // binutils' own reading of an ELF's .eh_frame (`readelf --debug-dump=frames-interp`): every FDE's range and its
    // table of rows, in RowNotation. The independent reference the unwinder's reading of the real kernel is held to.
    public static class ReadelfFrames
    {
        public sealed record Row(ulong Location, string Notation);
        public sealed record Description(ulong Start, ulong End, IReadOnlyList<Row> Rows)
        {
            // The row in force at an address of the range.
            public string RowAt(ulong address) => Rows.Last(r => r.Location <= address).Notation;
        }

        static readonly Regex s_entry = new Regex(@"^([0-9a-f]+) [0-9a-f]+ [0-9a-f]+ (?:CIE|FDE cie=([0-9a-f]+) pc=([0-9a-f]+)\.\.([0-9a-f]+))");
        static readonly Regex s_columns = new Regex(@"^\s+LOC\s+CFA\s+(.*?)\s*$");
        static readonly Regex s_row = new Regex(@"^([0-9a-f]{16}) (\S+)\s*(.*?)\s*$");

        public static List<Description> Read(string elfPath)
        {
            var fdes = new List<(ulong Start, ulong End, string Cie, List<Row> Rows)>();
            var cieRows = new Dictionary<string, List<Row>>();   // by the CIE's offset
            List<Row> rows = null;
            string[] columns = null;
            foreach (string line in HostTool.Run("readelf", "--debug-dump=frames-interp", elfPath).Split('\n'))
            {
                Match match;
                if ((match = s_entry.Match(line)).Success)
                {
                    rows = new List<Row>();
                    columns = null;
                    if (match.Groups[2].Success) fdes.Add((Hex(match.Groups[3].Value), Hex(match.Groups[4].Value), match.Groups[2].Value, rows));
                    else cieRows[match.Groups[1].Value] = rows;
                }
                else if ((match = s_columns.Match(line)).Success) columns = match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                else if (columns != null && (match = s_row.Match(line)).Success)
                {
                    string[] rules = match.Groups[3].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    string Rule(string column)
                    {
                        int i = Array.IndexOf(columns, column);
                        return i < 0 ? "u" : rules[i];
                    }
                    // readelf writes "u" for a register no instruction has touched: for callee-saved rbp that means
                    // it still holds the caller's value.
                    string rbp = Rule("rbp") == "u" ? "s" : Rule("rbp");
                    rows.Add(new Row(Hex(match.Groups[1].Value), match.Groups[2].Value + " ra=" + Rule("ra") + " rbp=" + rbp));
                }
            }
            // readelf prints no table for an FDE without instructions: its one row is its CIE's.
            return fdes.Select(f => new Description(f.Start, f.End, f.Rows.Count > 0 ? f.Rows : new List<Row> { new Row(f.Start, cieRows[f.Cie].Single().Notation) }))
                       .ToList();
        }

        static ulong Hex(string text) => ulong.Parse(text, NumberStyles.HexNumber);
    }
}
