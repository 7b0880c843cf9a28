namespace Cosmos.Cli.Tests;

// QEMU's argument list for representative boots: the fixed machine, then serial, monitor and gdb stub by the options.
public sealed class QemuArgumentsTests
{
    const string Iso = "/images/cosmos test.iso";

    static readonly string[] s_machine =
    [
        "-accel", "tcg", "-m", "256", "-smp", "1", "-cdrom", Iso, "-boot", "d", "-display", "none", "-no-reboot",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
    ];

    [Test]
    public void OnTheTerminalTheSerialConsoleSharesStdioWithTheMonitor()
    {
        Assert.That(QemuArguments.For(new BootOptions(), Iso), Is.EqualTo(s_machine.Concat(["-serial", "mon:stdio"])));
    }

    [Test]
    public void ToAFileTheSerialConsoleIsWrittenAndThereIsNoMonitor()
    {
        var options = new BootOptions { SerialFile = "/tmp/run/serial.txt" };
        Assert.That(QemuArguments.For(options, Iso),
                    Is.EqualTo(s_machine.Concat(["-serial", "file:/tmp/run/serial.txt", "-monitor", "none"])));
    }

    [Test]
    public void ToASocketTheSerialConsoleConnectsAsAClientAndThereIsNoMonitor()
    {
        var options = new BootOptions { SerialPort = 40123 };
        Assert.That(QemuArguments.For(options, Iso),
                    Is.EqualTo(s_machine.Concat(["-serial", "tcp:127.0.0.1:40123", "-monitor", "none"])));
    }

    [Test]
    public void DebugAddsAGdbStubAndHaltsTheCpu()
    {
        var options = new BootOptions { Debug = true, SerialFile = "/s.log", GdbPort = 4321 };
        Assert.That(QemuArguments.For(options, Iso),
                    Is.EqualTo(s_machine.Concat(["-serial", "file:/s.log", "-monitor", "none"])
                                        .Concat(["-gdb", "tcp::4321", "-S"])));
    }

    [Test]
    public void CountingInstructionsMakesOneInstructionANanosecond()
    {
        Assert.That(QemuArguments.For(new BootOptions { SerialFile = "/s.log", CountInstructions = true }, Iso),
                    Is.EqualTo(s_machine.Concat(["-serial", "file:/s.log", "-monitor", "none", "-icount", "shift=0"])));
    }

    [Test]
    public void MemoryAndCpusAreTheMachines()
    {
        IReadOnlyList<string> arguments = QemuArguments.For(new BootOptions { MemoryMiB = 4096, Cpus = 2 }, Iso);
        Assert.That(ValueOf(arguments, "-m"), Is.EqualTo("4096"));
        Assert.That(ValueOf(arguments, "-smp"), Is.EqualTo("2"));
    }

    [Test]
    public void TheKernelCommandLineIsNotQemusBusiness()
    {
        // GRUB passes it, from the ISO (BootImage); QEMU's -append is only for kernels it loads itself.
        Assert.That(QemuArguments.For(new BootOptions { CommandLine = "test" }, Iso),
                    Is.EqualTo(QemuArguments.For(new BootOptions(), Iso)));
    }

    static string ValueOf(IReadOnlyList<string> arguments, string option)
    {
        int index = arguments.ToList().IndexOf(option);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), option + " is missing");
        Assert.That(arguments.Count(a => a == option), Is.EqualTo(1), option + " is given more than once");
        return arguments[index + 1];
    }
}
