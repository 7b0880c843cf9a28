namespace Cosmos.Userland.Tests;

// The programs on the Linux host: what they print and how they end.
public class ProgramRunTests
{
    const int KilledBySigsegv = 128 + 11;

    [Test]
    public void HelloPrintsItsGreeting()
    {
        FinishedRun run = UserProgram.Bin("hello").Run([]);
        Assert.That(run, Is.EqualTo(new FinishedRun(0, "Hello, world!\n", "")));
    }

    [Test]
    public void Exit42EndsWithStatus42() => Assert.That(UserProgram.Bin("exit42").Run([]).ExitCode, Is.EqualTo(42));

    [Test]
    public void NullderefIsKilledBySigsegv() => Assert.That(UserProgram.Bin("nullderef").Run([]).ExitCode, Is.EqualTo(KilledBySigsegv));

    [Test]
    public void ArgsPrintsArgvAndEnvp()
    {
        FinishedRun run = UserProgram.Bin("args").Run(["one", "two words", "ünïcode"], ["A=1", "B=x=y"], argv0: "/bin/args");
        Assert.That(run.Output, Is.EqualTo("argc 4\nargv[0] /bin/args\nargv[1] one\nargv[2] two words\nargv[3] ünïcode\n"
                                           + "envp[0] A=1\nenvp[1] B=x=y\n"));
    }

    [Test]
    public void CatPrintsFilesAndNamesMissingOnes()
    {
        string motd = Path.Combine(Cosmos.Emulation.KernelBuild.RepositoryRoot, "Cosmos.Userland", "Root", "etc", "motd");
        FinishedRun run = UserProgram.Bin("cat").Run([motd, "/no/such/file"]);
        Assert.That(run, Is.EqualTo(new FinishedRun(1, "Welcome to CosmosOS.\ncat: /no/such/file: no such file\n", "")));
    }

    [Test]
    public void AllocAllocates200MiBThroughASmallHeap()
    {
        FinishedRun run = UserProgram.Bin("alloc").Run([]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.StartWith("allocated 200 MiB in "));
        int committedKiB = int.Parse(run.Output.Split(" KiB committed")[0].Split("heap ")[1]);
        Assert.That(committedKiB, Is.LessThan(32 * 1024), run.Output);
    }

    [Test]
    public void ShellRunsBuiltinsAndExitsWithTheGivenCode()
    {
        FinishedRun run = UserProgram.Bin("sh").Run([], input: "echo hello   there\n\nnosuch\nexit 3\n");
        Assert.That(run, Is.EqualTo(new FinishedRun(3, "$ hello there\n$ $ sh: nosuch: not found\n$ ", "")));
    }

    [Test]
    public void ShellEndsAtTheEndOfInput() => Assert.That(UserProgram.Bin("sh").Run([], input: "echo a").Output, Is.EqualTo("$ a\n$ "));

    // The self-checking tests that need no spawn and no /etc/motd of CosmosOS's own, run as init runs them.
    [TestCase("hello")]
    [TestCase("args")]
    [TestCase("efault")]
    [TestCase("gc")]
    public void SelfCheckingTestPasses(string name)
    {
        FinishedRun run = UserProgram.Test(name).Run(["first", "second argument"], ["COSMOS_TEST=1", "HOME=/"], argv0: "/tests/" + name);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
    }

    [Test]
    public void ReadfilePassesOnACopyOfTheMotd()
    {
        string motd = Path.Combine(Cosmos.Emulation.KernelBuild.RepositoryRoot, "Cosmos.Userland", "Root", "etc", "motd");
        FinishedRun run = UserProgram.Test("readfile").Run([], ["COSMOS_MOTD=" + motd]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
    }
}
