using System.Text.RegularExpressions;

namespace Cosmos.Cli;

// Totals over the test projects of one `dotnet test` run, read from the line each project ends with:
// "Passed!  - Failed:     0, Passed:   915, Skipped:     0, Total:   915, Duration: 16 s - Cosmos.Kernel.Tests.dll".
public sealed partial class TestRunSummary
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Projects { get; private set; }

    public void Read(string line)
    {
        Match match = ProjectSummary().Match(line);
        if (!match.Success) return;
        Failed += int.Parse(match.Groups[1].Value);
        Passed += int.Parse(match.Groups[2].Value);
        Projects++;
    }

    // Success needs dotnet test's own verdict too: a test project that does not build or whose test host crashes
    // prints no summary line.
    public bool Succeeded(int dotnetTestExitCode) => dotnetTestExitCode == 0 && Failed == 0 && Passed > 0;

    public override string ToString() => $"{Passed} passed, {Failed} failed";

    [GeneratedRegex(@"^\w+!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),")]
    private static partial Regex ProjectSummary();
}
