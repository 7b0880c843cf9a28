using System.Globalization;
using System.Text.RegularExpressions;

namespace Cosmos.Cli;

// The figures a benchmark run prints: the kernel's "BENCH <name> <value> <unit>" lines
// (Cosmos.Kernel/Diagnostics/Benchmarking/Benchmark.cs) and the host benchmark's "| name | value | unit |" rows.
public sealed record BenchmarkFigure(string Name, double Value, string Unit)
{
    public static IReadOnlyList<BenchmarkFigure> FromKernelLog(string log) =>
        Regex.Matches(log, @"^BENCH (\S+) (\d+) (\S+)$", RegexOptions.Multiline)
             .Select(m => new BenchmarkFigure(m.Groups[1].Value, Number(m.Groups[2].Value), m.Groups[3].Value))
             .ToList();

    public static IReadOnlyList<BenchmarkFigure> FromHostTable(string output) =>
        Regex.Matches(output, @"^\| (\S+) \| ([0-9.]+) \| (\S+) \|$", RegexOptions.Multiline)
             .Select(m => new BenchmarkFigure(m.Groups[1].Value, Number(m.Groups[2].Value), m.Groups[3].Value))
             .ToList();

    static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    public string Formatted => Value.ToString("#,0.#", CultureInfo.InvariantCulture) + " " + Unit;
}
