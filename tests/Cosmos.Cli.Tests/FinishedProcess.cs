using System.Diagnostics;

namespace Cosmos.Cli.Tests;

// A program run to its end with no input and its output captured. One that outlives its timeout is killed and fails
// the test.
public sealed record FinishedProcess(int ExitCode, string Output, string Errors)
{
    public static FinishedProcess Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync(), errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not end within {timeout}:\n{errors.Result}");
        }
        return new FinishedProcess(process.ExitCode, output.Result.Replace("\r", ""), errors.Result);
    }

    public string Describe() =>
        $"exit {ExitCode}\nstderr:\n{Errors}\nstdout tail:\n{Output[^Math.Min(Output.Length, 3000)..]}";
}
