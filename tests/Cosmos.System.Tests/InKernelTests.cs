using System.Text.RegularExpressions;

namespace Cosmos.System.Tests;

// Every [KernelTest] as its own NUnit test case, per emulator. The kernel is booted with `test` once per emulator
// (TestBoot); each case reads its own line from that boot's serial log.
[TestFixture(EmulatorKind.Qemu)]
[TestFixture(EmulatorKind.Bochs)]
public sealed class InKernelTests(EmulatorKind emulator)
{
    public static IEnumerable<string> KernelTests() => KernelTestCatalog.Names();

    [TestCaseSource(nameof(KernelTests))]
    public void KernelTest(string name)
    {
        BootResult run = TestBoot.For(emulator);
        Match result = Regex.Match(run.Log, "^TEST " + Regex.Escape(name) + " (PASS|FAIL)(.*)$", RegexOptions.Multiline);
        if (result.Success)
        {
            if (result.Groups[1].Value == "FAIL") Assert.Fail(name + " failed in the kernel:" + result.Groups[2].Value);
            return;
        }
        bool started = Regex.IsMatch(run.Log, "^RUN " + Regex.Escape(name) + "$", RegexOptions.Multiline);
        Assert.Fail((started ? name + " brought the kernel down. " : name + " never ran. ") + run.Describe());
    }

    [Test]
    public void TheTestRunCompletesAndPowersOff()
    {
        BootResult run = TestBoot.For(emulator);
        Assert.That(run.TimedOut, Is.False, run.Describe());
        Match summary = Regex.Match(run.Log, @"^TESTS DONE (\d+) passed, (\d+) failed$", RegexOptions.Multiline);
        Assert.That(summary.Success, Is.True, "no summary line. " + run.Describe());
        Assert.That(int.Parse(summary.Groups[1].Value) + int.Parse(summary.Groups[2].Value), Is.EqualTo(KernelTestCatalog.Names().Count),
                    "the kernel ran a different number of tests than the assembly declares");
    }
}
