namespace Cosmos.Cli.Tests;

// The figures `cosmos bench` reads from the kernel's log and from the host benchmark's table.
public sealed class BenchmarkFigureTests
{
    [Test]
    public void KernelLinesAreReadAndEverythingElseIgnored()
    {
        const string log = "HEAP in-use=0\nBENCH heap.allocate.node-32B 205 cycles/object\nTEST x PASS\n"
                         + "BENCH gc.pause.10MB 35176498 cycles\nBENCH broken\n";
        Assert.That(BenchmarkFigure.FromKernelLog(log), Is.EqualTo(new[]
        {
            new BenchmarkFigure("heap.allocate.node-32B", 205, "cycles/object"),
            new BenchmarkFigure("gc.pause.10MB", 35176498, "cycles"),
        }));
    }

    [Test]
    public void HostRowsAreReadAndTheHeaderIgnored()
    {
        const string table = "machine: 2 cores\n| benchmark | host | unit |\n|---|---:|---|\n"
                           + "| heap.allocate.node-32B | 16.2 | ns/object |\n| gc.pause.10MB | 4121600 | ns |\n";
        Assert.That(BenchmarkFigure.FromHostTable(table), Is.EqualTo(new[]
        {
            new BenchmarkFigure("heap.allocate.node-32B", 16.2, "ns/object"),
            new BenchmarkFigure("gc.pause.10MB", 4121600, "ns"),
        }));
    }

    [Test]
    public void AFigureIsFormattedWithThousandsAndItsUnit()
        => Assert.That(new BenchmarkFigure("x", 35176498.24, "cycles").Formatted, Is.EqualTo("35,176,498.2 cycles"));
}
