namespace Cosmos.System.Tests;

// The default boot: the kernel starts /bin/init, which runs /bin/sh on the serial console. A user types commands;
// programs run as processes, meminfo and ps show the kernel's view, and `exit` ends the shell, init and the machine.
public sealed class ShellTests
{
    [TestCase(EmulatorKind.Qemu)]
    [TestCase(EmulatorKind.Bochs)]
    public void AUserRunsProgramsFromTheShell(EmulatorKind emulator)
    {
        BootResult run = HeadlessBoot.Converse(new BootOptions { Emulator = emulator },
        [
            ("$ ", "meminfo\r"),
            ("$ ", "hello\r"),
            ("$ ", "exit42\r"),
            ("$ ", "nullderef\r"),
            ("$ ", "args one two\r"),
            ("$ ", "cat /etc/motd\r"),
            ("$ ", "ls /bin\r"),
            ("$ ", "ps\r"),
            ("$ ", "meminfo\r"),
            ("$ ", "nonesuch\r"),
            ("$ ", "exit\r"),
        ]);

        Assert.That(run.TimedOut, Is.False, run.Describe());
        Assert.Multiple(() =>
        {
            Assert.That(run.Log, Does.Contain("$ hello\nHello, world!\n"), run.Describe());
            Assert.That(run.Log, Does.Contain("$ exit42\nexit status 42\n"), run.Describe());
            Assert.That(run.Log, Does.Match(@"\(/bin/nullderef\) killed: page fault .*\nkilled by signal 11\n"), run.Describe());
            Assert.That(run.Log, Does.Contain("one").And.Contain("two"), run.Describe());
            Assert.That(run.Log, Does.Contain("$ cat /etc/motd\nWelcome to CosmosOS"), run.Describe());
            Assert.That(run.Log, Does.Match(@"\$ ls /bin\n(\w+\n)*sh\n"), run.Describe());
            Assert.That(run.Log, Does.Match(@"\$ ps\nCPU 0 \(APIC \d+\): running thread \d+, \d+ context switches\n"),
                        "ps shows what the processor does. " + run.Describe());
            Assert.That(run.Log, Does.Match(@"\n +1 +0 .*/bin/init\n"), "ps lists init. " + run.Describe());
            Assert.That(run.Log, Does.Match(@"\n +\d+ +1 .*/bin/sh\n"), "ps lists the shell as init's child. " + run.Describe());
            Assert.That(run.Log, Does.Contain("sh: nonesuch: not found"), run.Describe());
            Assert.That(run.Log, Does.Contain("/bin/init ended with wait status 0"), run.Describe());
        });
        // Both meminfo runs print the free pages: the same shell, between them a few programs came and went.
        var free = global::System.Text.RegularExpressions.Regex.Matches(run.Log, @"pages: (\d+) free of (\d+)");
        Assert.That(free, Has.Count.EqualTo(2), run.Describe());
    }
}
