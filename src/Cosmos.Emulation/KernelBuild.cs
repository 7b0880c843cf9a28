namespace Cosmos.Emulation;

// The kernel: built at most once per process with `dotnet build Cosmos.Kernel` (incremental, so cheap when the outputs
// are current), then found by path. Reading OutputDirectory or one of the file paths builds it first.
public static class KernelBuild
{
    static readonly Lazy<string> s_outputDirectory = new(Build);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string OutputDirectory => s_outputDirectory.Value;

    public static string Elf => Path.Combine(OutputDirectory, "kernel.elf");

    public static string Symbols => Path.Combine(OutputDirectory, "kernel.sym");

    public static string DefaultIso => Path.Combine(OutputDirectory, "cosmos.iso");

    public static string KernelAssembly =>
        Path.Combine(RepositoryRoot, "Cosmos.Kernel", "obj", "Debug", "net10.0", "Cosmos.Kernel.dll");

    // Where host-side files about the kernel (boot images, serial logs of debug sessions) go; ignored by git.
    public static string ScratchDirectory => Path.Combine(RepositoryRoot, "Cosmos.Kernel", "obj");

    static string FindRepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "CosmosOS.sln")))
            directory = directory.Parent;
        return directory?.FullName
            ?? throw new InvalidOperationException("CosmosOS.sln not found above " + AppContext.BaseDirectory);
    }

    static string Build()
    {
        var start = HostTool.Command("dotnet", ["build", "Cosmos.Kernel", "-nologo", "-v", "q", "-clp:ErrorsOnly"]);
        start.WorkingDirectory = RepositoryRoot;
        HostTool.Run(start, "building the kernel failed");
        return Path.Combine(RepositoryRoot, "Cosmos.Kernel", "bin", "Debug", "net10.0");
    }
}
