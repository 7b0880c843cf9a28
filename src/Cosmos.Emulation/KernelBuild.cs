namespace Cosmos.Emulation;

// The kernel: built at most once per process with `dotnet build Cosmos.Kernel` (incremental, so cheap when the outputs
// are current), then found by path. Reading OutputDirectory or one of the file paths builds it first. Test projects
// run in parallel, each in its own process, so a file lock lets only one of them build at a time: two ILC runs
// writing the same object file crash each other.
public static class KernelBuild
{
    static readonly Lazy<string> s_outputDirectory = new(Build);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string OutputDirectory => s_outputDirectory.Value;

    public static string Elf => Path.Combine(OutputDirectory, "kernel.elf");

    public static string Symbols => Path.Combine(OutputDirectory, "kernel.sym");

    public static string DefaultIso => Path.Combine(OutputDirectory, "cosmos.iso");

    // The user programs' archive, which the kernel build packs and GRUB loads as the module named "initrd".
    public static string Initrd
    {
        get
        {
            _ = OutputDirectory;
            return Path.Combine(ScratchDirectory, "Debug", "net10.0", "cosmos", "initrd.tar");
        }
    }

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
        using (TakeBuildLock())
        {
            var start = HostTool.Command("dotnet", ["build", "Cosmos.Kernel", "-nologo", "-v", "q", "-clp:ErrorsOnly"]);
            start.WorkingDirectory = RepositoryRoot;
            HostTool.Run(start, "building the kernel failed");
        }
        return Path.Combine(RepositoryRoot, "Cosmos.Kernel", "bin", "Debug", "net10.0");
    }

    // Waits until no other process holds the build lock, then holds it (FileShare.None is an exclusive flock on Linux;
    // the lock goes with the process if it dies).
    static FileStream TakeBuildLock()
    {
        Directory.CreateDirectory(ScratchDirectory);
        string path = Path.Combine(ScratchDirectory, "kernel-build.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
