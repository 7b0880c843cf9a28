using System.Diagnostics;
using Cosmos.Emulation;

namespace Cosmos.Userland.Tests;

// A built user program (Cosmos.Userland/Programs/<name> installs as /bin/<name>, Tests/<name> as /tests/<name>) and
// runs of it as a Linux process, with an environment of exactly the given variables.
public sealed record UserProgram(string Folder, string Name)
{
    public static UserProgram Bin(string name) => new("Programs", name);

    public static UserProgram Test(string name) => new("Tests", name);

    // Every program the initrd holds.
    public static IEnumerable<UserProgram> All()
    {
        string userland = Path.Combine(KernelBuild.RepositoryRoot, "Cosmos.Userland");
        foreach (string folder in new[] { "Programs", "Tests" })
            foreach (string project in Directory.GetFiles(Path.Combine(userland, folder), "*.csproj", SearchOption.AllDirectories))
                yield return new UserProgram(folder, Path.GetFileNameWithoutExtension(project));
    }

    // The ELF, built with the kernel if needed.
    public string Elf
    {
        get
        {
            _ = KernelBuild.OutputDirectory;
            return Path.Combine(KernelBuild.RepositoryRoot, "Cosmos.Userland", Folder, Name, "bin", "Debug", "net10.0", Name + ".elf");
        }
    }

    // Runs the program with `arguments` after argv[0] (which is argv0, the ELF's path when null) and only the
    // `environment` variables; stdin is `input`.
    public FinishedRun Run(string[] arguments, string[]? environment = null, string? argv0 = null, string input = "")
    {
        // perl's exec sets argv[0] and the environment exactly, which neither .NET nor a shell does.
        var start = new ProcessStartInfo("perl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("%ENV = map { split /=/, $_, 2 } split /\\n/, shift; my $elf = shift; exec { $elf } @ARGV or die $!");
        start.ArgumentList.Add(string.Join('\n', environment ?? []));
        start.ArgumentList.Add(Elf);
        start.ArgumentList.Add(argv0 ?? Elf);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            Assert.Fail($"{Name} did not end within 30 s; output so far: {output}");
        }
        return new FinishedRun(process.ExitCode, output, error.Result);
    }

    public override string ToString() => Folder == "Programs" ? "/bin/" + Name : "/tests/" + Name;
}

// How a run ended: ExitCode is 128 + the signal when a signal killed it (as .NET reports it).
public sealed record FinishedRun(int ExitCode, string Output, string Error);
