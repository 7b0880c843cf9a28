using System.Diagnostics;
using Cosmos.Emulation;

namespace Cosmos.Cli.Commands;

// `cosmos test`: the kernel built first (its errors shown before anything runs, and the suites then find it current),
// then every suite through `dotnet test CosmosOS.sln`, its failures and build errors shown as they come, then the one
// line CI reads, "N passed, N failed". Exits 1 unless tests ran, none failed and dotnet test succeeded.
public static class TestCommand
{
    public static int Run()
    {
        string solution = Path.Combine(KernelBuild.RepositoryRoot, "CosmosOS.sln");
        var start = HostTool.Command("dotnet",
            ["test", solution, "-nologo", "-v", "q", "--logger", "console;verbosity=minimal"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var summary = new TestRunSummary();
        var gate = new object();
        void Show(string? line)
        {
            if (line == null || line.StartsWith("Test run for ") || line.StartsWith("A total of ")) return;
            lock (gate)
            {
                summary.Read(line);
                Console.WriteLine(line);
            }
        }

        BootPreparation.BuildKernel();
        Progress.Note("building and running every test suite (dotnet test CosmosOS.sln)");
        long begin = Stopwatch.GetTimestamp();
        using Process process = HostTool.Start(start);
        process.OutputDataReceived += (_, e) => Show(e.Data);
        process.ErrorDataReceived += (_, e) => Show(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        Progress.Note($"{summary.Projects} test projects ran in {Progress.Seconds(Stopwatch.GetElapsedTime(begin))}");
        Console.WriteLine(summary);
        return summary.Succeeded(process.ExitCode) ? 0 : 1;
    }
}
