using System.Globalization;
using System.Text.RegularExpressions;

namespace Cosmos.System.Tests;

// The physical-memory picture a boot prints (Cosmos.Kernel/Memory/MemoryReport.cs), parsed.
public sealed class MemoryReportLog
{
    public sealed record Range(ulong Start, ulong End, string Label);

    public sealed record Counters(ulong Total, ulong Free, ulong Allocated, ulong Reserved, ulong Modules);

    public List<Range> Map { get; } = new();
    public List<Range> Modules { get; } = new();
    public Range Kernel { get; private set; } = new(0, 0, "");
    public Range Bookkeeping { get; private set; } = new(0, 0, "");
    public List<Counters> Statistics { get; } = new();

    public static MemoryReportLog Parse(string log)
    {
        var report = new MemoryReportLog();
        foreach (Match line in Regex.Matches(log, @"^MEMORY (MAP|KERNEL|MODULE|BOOKKEEPING) 0x([0-9a-f]+) 0x([0-9a-f]+) ?(.*)$", RegexOptions.Multiline))
        {
            var range = new Range(Hex(line.Groups[2].Value), Hex(line.Groups[3].Value), line.Groups[4].Value);
            switch (line.Groups[1].Value)
            {
                case "MAP": report.Map.Add(range); break;
                case "MODULE": report.Modules.Add(range); break;
                case "KERNEL": report.Kernel = range; break;
                default: report.Bookkeeping = range; break;
            }
        }
        foreach (Match line in Regex.Matches(log, @"^MEMINFO total=(\d+) free=(\d+) allocated=(\d+) reserved=(\d+) modules=(\d+)", RegexOptions.Multiline))
            report.Statistics.Add(new Counters(Dec(line, 1), Dec(line, 2), Dec(line, 3), Dec(line, 4), Dec(line, 5)));
        return report;
    }

    static ulong Hex(string text) => ulong.Parse(text, NumberStyles.HexNumber);

    static ulong Dec(Match match, int group) => ulong.Parse(match.Groups[group].Value);
}
