using System.Diagnostics;

namespace Cosmos.System.Tests;

// The kernel under test: built once per test run with `dotnet build Cosmos.Kernel` (incremental, so cheap when the
// outputs are current), then found by path.
public static class KernelBuild
{
    static readonly Lazy<string> s_outputDirectory = new(Build);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string OutputDirectory => s_outputDirectory.Value;

    public static string KernelAssembly => Path.Combine(RepositoryRoot, "Cosmos.Kernel", "obj", "Debug", "net10.0", "Cosmos.Kernel.dll");

    static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "CosmosOS.sln"))) return directory.FullName;
        throw new InvalidOperationException("CosmosOS.sln not found above " + AppContext.BaseDirectory);
    }

    static string Build()
    {
        var start = new ProcessStartInfo("dotnet", "build Cosmos.Kernel -nologo -v q -clp:ErrorsOnly")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("building the kernel failed:\n" + output);
        return Path.Combine(RepositoryRoot, "Cosmos.Kernel", "bin", "Debug", "net10.0");
    }
}
