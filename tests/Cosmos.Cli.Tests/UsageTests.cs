using Cosmos.Cli;

namespace Cosmos.Cli.Tests;

// The help text must list what the parser accepts, with the defaults the boot really gets.
public sealed class UsageTests
{
    [TestCase("run")]
    [TestCase("debug")]
    [TestCase("test")]
    [TestCase("build")]
    [TestCase("help")]
    public void EveryCommandIsListedAndAccepted(string command)
    {
        Assert.That(Usage.Text, Does.Match(@"\n  " + command + @" +\S"));
        Assert.DoesNotThrow(() => ArgumentParser.Parse([command]));
    }

    [TestCase("--emulator", "qemu")]
    [TestCase("--memory", "64")]
    [TestCase("--smp", "2")]
    [TestCase("--cmdline", "test")]
    public void EveryOptionIsListedAndAcceptedByRunAndDebug(string option, string value)
    {
        Assert.That(Usage.Text, Does.Match(@"\n  " + option + @" \S+ +\S"));
        Assert.DoesNotThrow(() => ArgumentParser.Parse(["run", option, value]));
        Assert.DoesNotThrow(() => ArgumentParser.Parse(["debug", option, value]));
    }

    [Test]
    public void PrintIsListedForDebug()
    {
        Assert.That(Usage.Text, Does.Match(@"\n  --print +debug only"));
        Assert.DoesNotThrow(() => ArgumentParser.Parse(["debug", "--print"]));
    }

    [Test]
    public void TheDefaultsShownAreTheDefaultsUsed()
    {
        var defaults = new BootOptions();
        string emulator = defaults.Emulator.ToString().ToLowerInvariant();
        Assert.That(Usage.Text, Does.Contain($"--emulator qemu|bochs   the emulator (default {emulator})"));
        Assert.That(Usage.Text, Does.Contain($"(default {defaults.MemoryMiB})"));
        Assert.That(Usage.Text, Does.Contain($"the number of CPUs (default {defaults.Cpus})"));
        Assert.That(defaults.CommandLine, Is.Empty);
        Assert.That(Usage.Text, Does.Contain("(default empty)"));
    }

    [Test]
    public void NoLineIsWiderThanATerminal()
    {
        Assert.That(Usage.Text.Split('\n').Max(line => line.Length), Is.LessThanOrEqualTo(110));
    }
}
