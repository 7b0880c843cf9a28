using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Cosmos.Patcher.Tests
{
    // The patcher as the build runs it: `Cosmos.Patcher --output <dir> <assembly.dll>...`, through its entry point and
    // as a real process. Exit 0 with a summary line, or 1 with canonical error lines; bad input loses nothing.
    [TestFixture]
    public class CommandLineTests
    {
        const string Target = "namespace Demo { public static class Clock { public static int Ticks() => 1; } }";
        const string Plug = "using Cosmos.Plugs; [Plug(typeof(Demo.Clock))] " +
                            "static class ClockPlug { public static int Ticks() => 42; }";
        const string Usage = "usage: Cosmos.Patcher --output <dir> <assembly.dll>...";

        static (int ExitCode, string Output, string Error) Run(params string[] args)
        {
            StringWriter output = new(), error = new();
            int exitCode = Program.Run(args, output, error);
            return (exitCode, output.ToString(), error.ToString());
        }

        [Test]
        public void SuccessPrintsOneSummaryLine()
        {
            using var scenario = new PlugScenario(Target, Plug);
            var (exitCode, output, error) = Run("--output", scenario.OutputDirectory, scenario.TargetPath,
                scenario.PlugsPath);
            Assert.That(exitCode, Is.EqualTo(0), error);
            Assert.That(output, Is.EqualTo("CosmosOS plugs: 1 methods of 1 types replaced" + Environment.NewLine));
            Assert.That(error, Is.Empty);
        }

        [TestCase(new string[0], "give an output directory and at least one assembly")]
        [TestCase(new[] { "--output", "out" }, "give an output directory and at least one assembly")]
        [TestCase(new[] { "a.dll" }, "give an output directory and at least one assembly")]
        [TestCase(new[] { "a.dll", "--output" }, "--output needs a directory")]
        [TestCase(new[] { "--verbose", "--output", "out", "a.dll" }, "unknown option '--verbose'")]
        public void ABadCommandLineShowsTheUsage(string[] args, string problem)
        {
            var (exitCode, output, error) = Run(args);
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.StartWith($"Cosmos.Patcher: error COSMOS100: {problem}. {Usage}"));
        }

        [Test]
        public void MissingAndInvalidAssembliesAreEachReported()
        {
            using var scenario = new PlugScenario(Target, Plug);
            string missing = Path.Combine(scenario.Root, "missing.dll"), text = Path.Combine(scenario.Root, "text.dll");
            File.WriteAllText(text, "not an assembly");
            var (exitCode, _, error) = Run("--output", scenario.OutputDirectory, scenario.TargetPath, missing, text);
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(error, Is.EqualTo($"{missing}: error COSMOS100: no such assembly{Environment.NewLine}" +
                                          $"{text}: error COSMOS100: not a .NET assembly{Environment.NewLine}"));
            Assert.That(Directory.Exists(scenario.OutputDirectory), Is.False);
        }

        [Test]
        public void TheSameAssemblyTwiceIsAnError()
        {
            using var scenario = new PlugScenario(Target, Plug);
            var (exitCode, _, error) = Run("--output", scenario.OutputDirectory, scenario.TargetPath,
                scenario.TargetPath);
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(error, Does.Contain("error COSMOS100: a second assembly named 'Target'"));
        }

        [Test]
        public void AnOutputDirectoryHoldingAnInputIsRefused()
        {
            using var scenario = new PlugScenario(Target, Plug);
            byte[] before = File.ReadAllBytes(scenario.TargetPath);
            var (exitCode, _, error) = Run("--output", scenario.InputDirectory, scenario.TargetPath,
                scenario.PlugsPath);
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(error, Does.StartWith($"{scenario.TargetPath}: error COSMOS100: " +
                                              "the output directory holds this input: it would be overwritten"));
            Assert.That(File.ReadAllBytes(scenario.TargetPath), Is.EqualTo(before));
        }

        [Test]
        public void TheRealProcessPatchesAndReportsErrorsInCanonicalFormat()
        {
            using var good = new PlugScenario(Target, Plug);
            var success = RunProcess("--output", good.OutputDirectory, good.TargetPath, good.PlugsPath);
            Assert.That(success.ExitCode, Is.EqualTo(0), success.Error);
            Assert.That(success.Output.Trim(), Is.EqualTo("CosmosOS plugs: 1 methods of 1 types replaced"));
            using (PatchedAssemblies patched = good.Load())
                Assert.That(patched.Call("Demo.Clock", "Ticks"), Is.EqualTo(42));

            using var bad = new PlugScenario(Target, Plug.Replace("Ticks() => 42", "Tick() => 42"));
            var failure = RunProcess("--output", bad.OutputDirectory, bad.TargetPath, bad.PlugsPath);
            Assert.That(failure.ExitCode, Is.EqualTo(1));
            Assert.That(failure.Output, Is.Empty);
            string file = Regex.Escape(bad.PlugSourcePath);
            Assert.That(failure.Error,
                Does.Match($@"^{file}\(1,\d+\): error COSMOS102: 'ClockPlug.Tick\(\)' replaces nothing"));
        }

        // Runs the built Cosmos.Patcher.dll (copied next to the tests) with the dotnet host that runs the tests.
        static (int ExitCode, string Output, string Error) RunProcess(params string[] args)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cosmos.Patcher.dll"));
            foreach (string arg in args) start.ArgumentList.Add(arg);
            using Process process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
    }
}
