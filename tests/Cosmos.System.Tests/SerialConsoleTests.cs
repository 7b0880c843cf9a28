namespace Cosmos.System.Tests;

// Typing at the kernel monitor (booted with `monitor`, so that no processes start) over COM1: the bytes arrive through the UART's receive interrupt and the I/O APIC,
// the monitor runs the commands, and `poweroff` ends the machine.
public sealed class SerialConsoleTests
{
    [TestCase(EmulatorKind.Qemu)]
    [TestCase(EmulatorKind.Bochs)]
    public void ACommandTypedOnTheSerialLineReachesTheMonitor(EmulatorKind emulator)
    {
        BootResult run = HeadlessBoot.Converse(new BootOptions { Emulator = emulator, CommandLine = "monitor" },
        [
            ("cosmos> ", "echo hello\r"),
            ("cosmos> ", "threads\r"),
            ("cosmos> ", "poweroff\r"),
        ]);

        Assert.That(run.TimedOut, Is.False, run.Describe());
        Assert.That(run.Log, Does.Contain("cosmos> echo hello\nhello\ncosmos> threads\n"), run.Describe());
        // The monitor runs on the boot thread; the idle thread waits for its turn.
        Assert.That(run.Log, Does.Match(@"\n 0 normal +running +boot\n"), run.Describe());
        Assert.That(run.Log, Does.Match(@"\n 1 low +ready +idle\n"), run.Describe());
        Assert.That(run.Log, Does.Contain("cosmos> poweroff\npowering off\n"), run.Describe());
    }
}
