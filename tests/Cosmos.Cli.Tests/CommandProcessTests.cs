namespace Cosmos.Cli.Tests;

// The built `cosmos` command run as a process, the way ./cosmos runs it: exit codes, which stream carries what, and
// one real boot of the kernel through `cosmos run` with no terminal (QEMU's console is then a pipe).
public sealed class CommandProcessTests
{
    [Test]
    public void RunBootsTheKernelAndEndsWhenItPowersOff()
    {
        FinishedProcess result = Cosmos(["run", "--cmdline", "test", "--memory", "128"], TimeSpan.FromSeconds(120));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Describe());
        Assert.That(result.Output, Does.Contain("command line \"test\""), result.Describe());
        Assert.That(result.Output, Does.Match(@"\nTESTS DONE \d+ passed, 0 failed"), result.Describe());
        Assert.That(result.Errors, Does.Match(@"cosmos: building the kernel\.\.\. \d+\.\d s\n"), result.Describe());
        Assert.That(result.Errors, Does.Contain("cosmos: making the boot image... "), result.Describe());
        Assert.That(result.Errors, Does.Contain("cosmos: starting QEMU"), result.Describe());
    }

    [Test]
    public void AMistakeExitsWithTwoAndTheUsageOnStandardError()
    {
        FinishedProcess result = Cosmos(["run", "--smp", "0"], TimeSpan.FromSeconds(30));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Errors,
                    Does.StartWith("cosmos: --smp must be a CPU count of at least 1, not '0'\nusage: cosmos"));
    }

    [Test]
    public void HelpGoesToStandardOutput()
    {
        FinishedProcess result = Cosmos([], TimeSpan.FromSeconds(30));

        Assert.That((result.ExitCode, result.Output, result.Errors), Is.EqualTo((0, Usage.Text, "")));
    }

    // The command as built next to these tests, with no terminal.
    static FinishedProcess Cosmos(string[] arguments, TimeSpan timeout) =>
        FinishedProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "cosmos.dll"), .. arguments], timeout);
}
