using Cosmos.Emulation;

namespace Cosmos.Cli.Commands;

// `cosmos bench`: the kernel's benchmarks (heap, threads, locks, and the user-mode region benchmark init runs) in the
// kernel booted with `bench` under QEMU with instruction counting, so the kernel's figures are guest instructions and
// the same on every run, beside the host's run of the same heap code (benchmarks/Cosmos.Memory.Benchmarks `heap`);
// then the page-frame allocator's host benchmark.
// Results are Markdown tables, as docs/benchmarks/ keeps them.
public static class BenchCommand
{
    const int MemoryMiB = 512;
    static readonly TimeSpan s_kernelTimeout = TimeSpan.FromMinutes(15);

    public static int Run()
    {
        var boot = new BootOptions { CommandLine = "bench", MemoryMiB = MemoryMiB, CountInstructions = true };
        BootResult kernel = Progress.Step($"running the kernel benchmarks in QEMU (-m {MemoryMiB}, -icount shift=0)",
                                          () => HeadlessBoot.Run(boot, s_kernelTimeout));
        IReadOnlyList<BenchmarkFigure> guest = BenchmarkFigure.FromKernelLog(kernel.Log);
        if (guest.Count == 0 || kernel.TimedOut) throw new HostException("the kernel benchmarks did not complete; " + kernel.Describe());
        IReadOnlyList<BenchmarkFigure> host = BenchmarkFigure.FromHostTable(
            Progress.Step("running the same heap code on this host", () => HostBenchmark("heap")));

        Console.WriteLine("| benchmark | kernel in QEMU (cycles = guest instructions) | host, same code |");
        Console.WriteLine("|---|---:|---:|");
        foreach (BenchmarkFigure figure in guest)
        {
            BenchmarkFigure? twin = host.FirstOrDefault(h => h.Name == figure.Name);
            Console.WriteLine($"| {figure.Name} | {figure.Formatted} | {twin?.Formatted ?? "-"} |");
        }
        Console.WriteLine();
        Console.Write(Progress.Step("running the page-frame allocator benchmark on this host", () => HostBenchmark("pages")));
        return 0;
    }

    static string HostBenchmark(string suite)
    {
        string project = Path.Combine(KernelBuild.RepositoryRoot, "benchmarks", "Cosmos.Memory.Benchmarks");
        return HostTool.Run(HostTool.Command("dotnet", ["run", "-c", "Release", "--project", project, "--", suite]),
                            $"the host benchmark '{suite}' failed");
    }
}
