using System;
using System.Collections.Generic;
using System.IO;

namespace Cosmos.Patcher
{
    // `Cosmos.Patcher --output <dir> <assembly.dll>...`: exits 0 after one summary line, or 1 after one line per error
    // in MSBuild's canonical format (which the build turns into errors naming the file and line).
    public static class Program
    {
        const string Usage = "usage: Cosmos.Patcher --output <dir> <assembly.dll>...";

        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
        {
            string? outputDirectory = null;
            var assemblies = new List<string>();
            for (int i = 0; i < args.Count; i++)
            {
                if (args[i] == "--output" && i + 1 < args.Count) outputDirectory = args[++i];
                else if (args[i] == "--output") return Fail(error, $"--output needs a directory. {Usage}");
                else if (args[i].StartsWith('-')) return Fail(error, $"unknown option '{args[i]}'. {Usage}");
                else assemblies.Add(args[i]);
            }
            if (outputDirectory == null || assemblies.Count == 0)
                return Fail(error, $"give an output directory and at least one assembly. {Usage}");

            PatchResult result;
            try
            {
                result = Patcher.Run(assemblies, outputDirectory);
            }
            catch (Exception e)
            {
                return Fail(error, "internal error: " + e);
            }
            foreach (PlugDiagnostic diagnostic in result.Errors) error.WriteLine(diagnostic);
            if (!result.Succeeded) return 1;
            output.WriteLine(result.Summary);
            return 0;
        }

        static int Fail(TextWriter error, string message)
        {
            error.WriteLine(PlugErrors.BadInput("Cosmos.Patcher", message));
            return 1;
        }
    }
}
