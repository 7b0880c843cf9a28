using Cosmos.Cli;

namespace Cosmos.Cli.Tests;

// What each command line turns into, and the one-line error for each kind of mistake.
public sealed class ArgumentParserTests
{
    [Test]
    public void NoArgumentsAndTheHelpSpellingsMeanHelp()
    {
        Assert.That(ArgumentParser.Parse([]).Command, Is.EqualTo(Command.Help));
        string[][] spellings = [["help"], ["-h"], ["--help"], ["run", "--help"], ["debug", "--memory", "64", "-h"]];
        foreach (string[] arguments in spellings)
            Assert.That(ArgumentParser.Parse(arguments), Is.EqualTo(Invocation.Help), string.Join(' ', arguments));
    }

    [TestCase("build", Command.Build)]
    [TestCase("run", Command.Run)]
    [TestCase("debug", Command.Debug)]
    [TestCase("test", Command.Test)]
    [TestCase("bench", Command.Bench)]
    public void ACommandAloneGetsTheDefaultBoot(string name, Command command)
    {
        Invocation invocation = ArgumentParser.Parse([name]);
        Assert.That(invocation.Command, Is.EqualTo(command));
        Assert.That(invocation.Boot, Is.EqualTo(new BootOptions()));
        Assert.That(invocation.Print, Is.False);
    }

    [Test]
    public void TheDefaultsAreQemuWith256MiBOneCpuAndAnEmptyCommandLine()
    {
        BootOptions boot = ArgumentParser.Parse(["run"]).Boot;
        Assert.That((boot.Emulator, boot.MemoryMiB, boot.Cpus, boot.CommandLine, boot.SerialFile, boot.Debug),
                    Is.EqualTo((EmulatorKind.Qemu, 256, 1, "", (string?)null, false)));
    }

    [Test]
    public void EveryOptionSetsItsPartOfTheBoot()
    {
        Invocation invocation = ArgumentParser.Parse(
            ["debug", "--emulator", "bochs", "--memory", "512", "--smp", "2", "--cmdline", "test fault=divide"]);
        Assert.That(invocation.Command, Is.EqualTo(Command.Debug));
        Assert.That(invocation.Boot, Is.EqualTo(new BootOptions
        {
            Emulator = EmulatorKind.Bochs, MemoryMiB = 512, Cpus = 2, CommandLine = "test fault=divide",
        }));
    }

    [Test]
    public void ValuesMayFollowAnEqualsSign()
    {
        BootOptions boot =
            ArgumentParser.Parse(["run", "--memory=64", "--smp=4", "--cmdline=a=b c", "--emulator=qemu"]).Boot;
        Assert.That((boot.MemoryMiB, boot.Cpus, boot.CommandLine), Is.EqualTo((64, 4, "a=b c")));
    }

    [Test]
    public void TheLastOfARepeatedOptionWins()
    {
        Assert.That(ArgumentParser.Parse(["run", "--memory", "64", "--memory", "128"]).Boot.MemoryMiB, Is.EqualTo(128));
    }

    [Test]
    public void AnEmptyCommandLineAndOneThatLooksLikeAnOptionAreValues()
    {
        Assert.That(ArgumentParser.Parse(["run", "--cmdline", ""]).Boot.CommandLine, Is.EqualTo(""));
        Assert.That(ArgumentParser.Parse(["run", "--cmdline", "--smp"]).Boot.CommandLine, Is.EqualTo("--smp"));
    }

    [Test]
    public void PrintIsAFlagOfDebugWithQemu()
    {
        Invocation invocation = ArgumentParser.Parse(["debug", "--print", "--smp", "2"]);
        Assert.That((invocation.Print, invocation.Boot.Cpus), Is.EqualTo((true, 2)));
    }

    [TestCase(new[] { "start" }, "unknown command 'start'")]
    [TestCase(new[] { "--memory", "64" }, "unknown command '--memory'")]
    [TestCase(new[] { "run", "--frobnicate" }, "unknown option '--frobnicate'")]
    [TestCase(new[] { "run", "-m", "64" }, "unknown option '-m'")]
    [TestCase(new[] { "run", "bochs" }, "unexpected argument 'bochs'")]
    [TestCase(new[] { "run", "--emulator" }, "--emulator needs a value: qemu or bochs")]
    [TestCase(new[] { "run", "--emulator", "vmware" }, "--emulator must be qemu or bochs, not 'vmware'")]
    [TestCase(new[] { "run", "--emulator", "QEMU" }, "--emulator must be qemu or bochs, not 'QEMU'")]
    [TestCase(new[] { "run", "--memory" }, "--memory needs a value: a size in MiB")]
    [TestCase(new[] { "run", "--memory", "0" }, "--memory must be a size in MiB of at least 1, not '0'")]
    [TestCase(new[] { "run", "--memory", "-5" }, "--memory must be a size in MiB of at least 1, not '-5'")]
    [TestCase(new[] { "run", "--memory", "256M" }, "--memory must be a size in MiB of at least 1, not '256M'")]
    [TestCase(new[] { "run", "--memory", "4294967296" },
              "--memory must be a size in MiB of at least 1, not '4294967296'")]
    [TestCase(new[] { "run", "--smp=" }, "--smp must be a CPU count of at least 1, not ''")]
    [TestCase(new[] { "run", "--smp", "two" }, "--smp must be a CPU count of at least 1, not 'two'")]
    [TestCase(new[] { "run", "--cmdline", "a\nb" }, "--cmdline must be a single line")]
    [TestCase(new[] { "run", "--print" }, "'run' does not take --print")]
    [TestCase(new[] { "debug", "--print=yes" }, "--print takes no value")]
    [TestCase(new[] { "debug", "--emulator", "bochs", "--print" },
              "--print is for QEMU and gdb; the Bochs debugger runs in this terminal")]
    [TestCase(new[] { "build", "--memory", "64" }, "'build' does not take --memory")]
    [TestCase(new[] { "test", "--emulator", "bochs" }, "'test' does not take --emulator")]
    [TestCase(new[] { "bench", "--memory", "64" }, "'bench' does not take --memory")]
    [TestCase(new[] { "help", "--smp", "2" }, "'help' does not take --smp")]
    public void AMistakeIsNamed(string[] arguments, string message)
    {
        var error = Assert.Throws<UsageException>(() => ArgumentParser.Parse(arguments));
        Assert.That(error!.Message, Is.EqualTo(message));
    }
}
