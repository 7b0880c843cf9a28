using System.Diagnostics;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests
{
    // Runs a program of the host (readelf, tar, nasm, ld) as the tests' independent reference or source of real files.
    public static class HostTool
    {
        // Its standard output; the test fails with its standard error when it exits non-zero.
        public static string Run(string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            using Process process = Process.Start(start);
            var errors = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) Assert.Fail($"{program} failed: {errors.Result}");
            return output;
        }
    }
}
