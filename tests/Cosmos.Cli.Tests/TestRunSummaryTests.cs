using Cosmos.Cli;

namespace Cosmos.Cli.Tests;

// Totals from `dotnet test --logger "console;verbosity=minimal"` output. The lines are copied from real runs: the
// whole solution passing, and a project with a passing, a failing and a skipped test, the failing one printing a line
// that imitates a summary.
public sealed class TestRunSummaryTests
{
    static readonly string[] s_passingSolution =
    [
        "Test run for /work/wt/cli/tests/Cosmos.System.Tests/bin/Debug/net10.0/Cosmos.System.Tests.dll"
            + " (.NETCoreApp,Version=v10.0)",
        "Test run for /work/wt/cli/tests/Cosmos.Kernel.Tests/bin/Debug/net10.0/Cosmos.Kernel.Tests.dll"
            + " (.NETCoreApp,Version=v10.0)",
        "A total of 1 test files matched the specified pattern.",
        "A total of 1 test files matched the specified pattern.",
        "",
        "Passed!  - Failed:     0, Passed:   915, Skipped:     0, Total:   915, Duration: 19 s"
            + " - Cosmos.Kernel.Tests.dll (net10.0)",
        "",
        "Passed!  - Failed:     0, Passed:   138, Skipped:     0, Total:   138, Duration: 37 s"
            + " - Cosmos.System.Tests.dll (net10.0)",
    ];

    static readonly string[] s_failingProject =
    [
        "Test run for /tmp/ft/bin/Debug/net10.0/ft.dll (.NETCoreApp,Version=v10.0)",
        "A total of 1 test files matched the specified pattern.",
        "  Failed Bad [209 ms]",
        "  Error Message:",
        "     one is not two",
        "Assert.That(1, Is.EqualTo(2))",
        "  Expected: 2",
        "  But was:  1",
        "",
        "  Stack Trace:",
        "     at T.Bad() in /tmp/ft/T.cs:line 4",
        "",
        "1)    at T.Bad() in /tmp/ft/T.cs:line 4",
        "",
        "",
        "  Standard Output Messages:",
        " Passed!  - Failed:     0, Passed:     7, Skipped:     0, Total:     7",
        "",
        "",
        "  Skipped Ignored [< 1 ms]",
        "",
        "Failed!  - Failed:     1, Passed:     1, Skipped:     1, Total:     3, Duration: 239 ms - ft.dll (net10.0)",
    ];

    [Test]
    public void PassingProjectsAreSummedUp()
    {
        TestRunSummary summary = Read(s_passingSolution);
        Assert.That((summary.Passed, summary.Failed, summary.Projects), Is.EqualTo((1053, 0, 2)));
        Assert.That(summary.ToString(), Is.EqualTo("1053 passed, 0 failed"));
        Assert.That(summary.Succeeded(dotnetTestExitCode: 0), Is.True);
    }

    [Test]
    public void OnlyTheProjectSummaryLinesCount()
    {
        TestRunSummary summary = Read(s_failingProject);
        Assert.That((summary.Passed, summary.Failed, summary.Projects), Is.EqualTo((1, 1, 1)));
        Assert.That(summary.Succeeded(dotnetTestExitCode: 1), Is.False);
    }

    [Test]
    public void SuccessNeedsPassedTestsNoFailuresAndDotnetTestsVerdict()
    {
        Assert.That(Read([]).Succeeded(0), Is.False, "nothing ran");
        Assert.That(Read(s_passingSolution).Succeeded(1), Is.False, "a project did not build or its test host crashed");
        Assert.That(Read([.. s_passingSolution, .. s_failingProject]).Succeeded(0), Is.False, "a test failed");
        Assert.That(Read([.. s_passingSolution, .. s_failingProject]).ToString(), Is.EqualTo("1054 passed, 1 failed"));
    }

    static TestRunSummary Read(IEnumerable<string> lines)
    {
        var summary = new TestRunSummary();
        foreach (string line in lines) summary.Read(line);
        return summary;
    }
}
