using System.Text.RegularExpressions;

namespace Cosmos.System.Tests;

// Machines with more than one processor: the kernel finds every one in the MADT and the in-kernel tests still pass.
// Starting the application processors is not built yet (docs/smp.md), so the others are reported, not started.
[TestFixture]
public sealed class MultiprocessorBootTests
{
    [TestCase(EmulatorKind.Qemu, 1)]
    [TestCase(EmulatorKind.Qemu, 2)]
    [TestCase(EmulatorKind.Qemu, 4)]
    [TestCase(EmulatorKind.Bochs, 2)]
    public void EveryProcessorIsFoundAndTheKernelTestsPass(EmulatorKind emulator, int cpus)
    {
        BootResult run = HeadlessBoot.Run(new BootOptions { Emulator = emulator, Cpus = cpus, CommandLine = "test" });

        Match found = Regex.Match(run.Log, @"^CPUS FOUND (\d+): boot APIC (\d+)", RegexOptions.Multiline);
        Assert.That(found.Success, Is.True, "no CPUS FOUND line. " + run.Describe());
        Assert.That(int.Parse(found.Groups[1].Value), Is.EqualTo(cpus), run.Describe());
        Match summary = Regex.Match(run.Log, @"^TESTS DONE (\d+) passed, (\d+) failed$", RegexOptions.Multiline);
        Assert.That(summary.Success, Is.True, "no summary line. " + run.Describe());
        Assert.That(int.Parse(summary.Groups[2].Value), Is.Zero, run.Describe());
        Assert.That(int.Parse(summary.Groups[1].Value), Is.EqualTo(KernelTestCatalog.Names().Count), run.Describe());
    }
}
