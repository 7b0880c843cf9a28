using System.Text.RegularExpressions;

namespace Cosmos.System.Tests;

// A CPU fault in the kernel must end in a panic report on the console (exception, registers, symbolized stack trace),
// never in a silent reset. The kernel commits each fault on purpose when booted with `fault=<kind>`.
public sealed class DeliberateFaultTests
{
    [TestCase(EmulatorKind.Qemu, "pagefault", "page fault", "write at 0x000000000dead000 in kernel mode: page not present")]
    [TestCase(EmulatorKind.Qemu, "divide", "divide error", null)]
    [TestCase(EmulatorKind.Qemu, "invalidopcode", "invalid opcode", null)]
    [TestCase(EmulatorKind.Qemu, "stackoverflow", "double fault", "kernel stack overflow: boot stack guard page hit")]
    [TestCase(EmulatorKind.Qemu, "writecode", "page fault", "in kernel mode: protection violation")]
    [TestCase(EmulatorKind.Bochs, "pagefault", "page fault", "write at 0x000000000dead000 in kernel mode: page not present")]
    [TestCase(EmulatorKind.Bochs, "divide", "divide error", null)]
    [TestCase(EmulatorKind.Bochs, "invalidopcode", "invalid opcode", null)]
    [TestCase(EmulatorKind.Bochs, "stackoverflow", "double fault", "kernel stack overflow: boot stack guard page hit")]
    [TestCase(EmulatorKind.Bochs, "writecode", "page fault", "in kernel mode: protection violation")]
    public void AFaultIsReportedNotReset(EmulatorKind emulator, string kind, string exception, string? detail)
    {
        BootResult run = HeadlessBoot.Run(new BootOptions { Emulator = emulator, CommandLine = "fault=" + kind });

        Assert.That(run.TimedOut, Is.False, run.Describe());
        Assert.That(Regex.Matches(run.Log, "^CosmosOS booted", RegexOptions.Multiline), Has.Count.EqualTo(1), "the machine rebooted. " + run.Describe());
        Assert.That(run.Log, Does.Contain("\nPANIC: " + exception + "\n"), run.Describe());
        if (detail != null) Assert.That(run.Log, Does.Contain(detail), run.Describe());
        Assert.That(run.Log, Does.Match(@"\nCR2 0x[0-9a-f]{16}\n"), run.Describe());
        Assert.That(run.Log, Does.Match(@"\nRIP=0x[0-9a-f]{16} RSP=0x[0-9a-f]{16} RFLAGS=0x[0-9a-f]{16}\n"), run.Describe());
        Assert.That(run.Log, Does.Match(@"\nRAX=0x[0-9a-f]{16} RBX="), run.Describe());
        Assert.That(run.Log, Does.Match(@"\nstack trace:\n  at 0x[0-9a-f]{16} <[^?>]+\+0x[0-9a-f]+>\n"), "the faulting frame is not symbolized. " + run.Describe());
        Assert.That(run.Log, Does.Contain("<Cosmos_Kernel_Cosmos_Kernel_Diagnostics_Testing_DeliberateFault__"),
                    "the trace does not name the C# method that faulted or called the fault. " + run.Describe());
        Assert.That(run.Log, Does.EndWith("END PANIC\n"), run.Describe());
    }
}
