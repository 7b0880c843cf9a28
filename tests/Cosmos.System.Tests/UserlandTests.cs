using System.Formats.Tar;
using System.Text.RegularExpressions;

namespace Cosmos.System.Tests;

// Every self-checking program in the initrd's /tests as its own NUnit test case, per emulator: /bin/init runs them
// all in the `test` boot (TestBoot), after the in-kernel tests, and prints one USERTEST line each.
[TestFixture(EmulatorKind.Qemu)]
[TestFixture(EmulatorKind.Bochs)]
public sealed class UserlandTests(EmulatorKind emulator)
{
    // The test programs the build packed: the entries under tests/ of the initrd it made.
    public static IEnumerable<string> TestPrograms()
    {
        using var archive = new TarReader(File.OpenRead(KernelBuild.Initrd));
        var names = new List<string>();
        while (archive.GetNextEntry() is { } entry)
            if (entry.EntryType != TarEntryType.Directory && entry.Name.StartsWith("tests/")) names.Add(entry.Name["tests/".Length..]);
        return names;
    }

    [TestCaseSource(nameof(TestPrograms))]
    public void UserTest(string name)
    {
        BootResult run = TestBoot.For(emulator);
        Match result = Regex.Match(run.Log, "^USERTEST " + Regex.Escape(name) + " (PASS|FAIL)(.*)$", RegexOptions.Multiline);
        Assert.That(result.Success, Is.True, "/tests/" + name + " has no result line. " + run.Describe());
        Assert.That(result.Groups[1].Value, Is.EqualTo("PASS"), "/tests/" + name + result.Groups[2].Value + ". " + run.Describe());
    }

    [Test]
    public void InitRunsEveryTestProgramAndTheMachinePowersOff()
    {
        BootResult run = TestBoot.For(emulator);
        Assert.That(run.TimedOut, Is.False, run.Describe());
        Match summary = Regex.Match(run.Log, @"^USERTESTS DONE (\d+) passed, (\d+) failed$", RegexOptions.Multiline);
        Assert.That(summary.Success, Is.True, "no summary line. " + run.Describe());
        Assert.That(int.Parse(summary.Groups[1].Value) + int.Parse(summary.Groups[2].Value), Is.EqualTo(TestPrograms().Count()),
                    "init ran a different number of programs than /tests holds");
    }

    // The kernel names the program, the exception, the address and what the regions say when a user-mode fault ends
    // a process.
    [Test]
    public void AFaultingProgramIsNamedWithItsFault()
    {
        BootResult run = TestBoot.For(emulator);
        Assert.That(run.Log, Does.Match(@"process \d+ \(/bin/nullderef\) killed: page fault \(read at 0x0+ in user mode: page not present\): no mapping there at rip 0x[0-9a-f]+"),
                    run.Describe());
    }

    // A user stack that runs into its guard page, the first thread's or another's, is reported as a stack overflow.
    [Test]
    public void AUserStackOverflowIsNamedAsOne()
    {
        BootResult run = TestBoot.For(emulator);
        foreach (string program in new[] { "stackoverflow", "threads" })
            Assert.That(run.Log, Does.Match(@"process \d+ \(/tests/" + program + @"\) killed: page fault \(write at 0x[0-9a-f]+ in user mode: page not present\): stack overflow \(the guard page below the stack\) at rip 0x[0-9a-f]+"),
                        run.Describe());
    }
}
