using System.Text.RegularExpressions;

namespace Cosmos.System.Tests;

// Machines with more than one processor: the kernel starts every one the MADT lists, each runs threads (docs/smp.md),
// and the in-kernel and userland tests pass, the multiprocessor ones among them (TlbShootdownTests, /tests/smp).
[TestFixture]
public sealed class MultiprocessorBootTests
{
    [TestCase(EmulatorKind.Qemu, 1)]
    [TestCase(EmulatorKind.Qemu, 2)]
    [TestCase(EmulatorKind.Qemu, 4)]
    [TestCase(EmulatorKind.Bochs, 2)]
    public void EveryProcessorComesOnlineAndTheTestsPass(EmulatorKind emulator, int cpus)
    {
        // Bochs runs its processors in turns, each with its own 1000 Hz tick: more of them take longer than its usual limit.
        TimeSpan? limit = emulator == EmulatorKind.Bochs ? TimeSpan.FromSeconds(480) : null;
        BootResult run = HeadlessBoot.Run(new BootOptions { Emulator = emulator, Cpus = cpus, CommandLine = "test" }, limit);

        Assert.That(run.Log, Does.Contain($"\nCPUS ONLINE {cpus} of {cpus}\n"), run.Describe());
        for (int cpu = 1; cpu < cpus; cpu++)
            Assert.That(run.Log, Does.Match($@"\nCPU {cpu} online \(APIC \d+\)\n"), run.Describe());
        Match summary = Regex.Match(run.Log, @"^TESTS DONE (\d+) passed, (\d+) failed$", RegexOptions.Multiline);
        Assert.That(summary.Success, Is.True, "no summary line. " + run.Describe());
        Assert.That(int.Parse(summary.Groups[2].Value), Is.Zero, run.Describe());
        Assert.That(int.Parse(summary.Groups[1].Value), Is.EqualTo(KernelTestCatalog.Names().Count), run.Describe());
        Match userland = Regex.Match(run.Log, @"^USERTESTS DONE (\d+) passed, (\d+) failed$", RegexOptions.Multiline);
        Assert.That(userland.Success, Is.True, "no userland summary line. " + run.Describe());
        Assert.That(int.Parse(userland.Groups[2].Value), Is.Zero, run.Describe());
    }
}
