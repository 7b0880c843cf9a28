using System.Text.RegularExpressions;

namespace Cosmos.System.Tests;

// A CPU fault in the kernel must end in a panic report on the console (exception, registers, symbolized stack trace),
// never in a silent reset. The kernel commits each fault on purpose when booted with `fault=<kind>`.
public sealed class DeliberateFaultTests
{
    // The trace must hold each frame named (by the end of its symbol) in this order with nothing between; "..." is the
    // line that stands for a recursion's repeated frames. The deliberate faults are committed by DeliberateFault.Commit
    // from cosmos_kernel_main; WriteToUnmappedPage has no frame of its own, so only an unwinder that reads the CFI
    // finds Commit above it.
    const string PageFaultTrace = "DeliberateFault__WriteToUnmappedPage DeliberateFault__Commit cosmos_kernel_main";
    const string DivideTrace = "cosmos_fault_divide_error DeliberateFault__Commit cosmos_kernel_main";
    const string InvalidOpcodeTrace = "cosmos_fault_invalid_opcode DeliberateFault__Commit cosmos_kernel_main";
    const string StackOverflowTrace = "DeliberateFault__Recurse ... DeliberateFault__Commit cosmos_kernel_main";
    const string WriteCodeTrace = "DeliberateFault__WriteToCode DeliberateFault__Commit cosmos_kernel_main";
    const string ThreadStackOverflowTrace = "DeliberateFault__Recurse ... DeliberateFault__RecurseForever cosmos_thread_main cosmos_thread_start";

    [TestCase(EmulatorKind.Qemu, "pagefault", "page fault", "write at 0x000000000dead000 in kernel mode: page not present", PageFaultTrace)]
    [TestCase(EmulatorKind.Qemu, "divide", "divide error", null, DivideTrace)]
    [TestCase(EmulatorKind.Qemu, "invalidopcode", "invalid opcode", null, InvalidOpcodeTrace)]
    [TestCase(EmulatorKind.Qemu, "stackoverflow", "double fault", "kernel stack overflow: boot stack guard page hit", StackOverflowTrace)]
    [TestCase(EmulatorKind.Qemu, "writecode", "page fault", "in kernel mode: protection violation", WriteCodeTrace)]
    [TestCase(EmulatorKind.Qemu, "threadstackoverflow", "double fault", "kernel stack overflow: a thread's stack guard page hit", ThreadStackOverflowTrace)]
    [TestCase(EmulatorKind.Bochs, "pagefault", "page fault", "write at 0x000000000dead000 in kernel mode: page not present", PageFaultTrace)]
    [TestCase(EmulatorKind.Bochs, "divide", "divide error", null, DivideTrace)]
    [TestCase(EmulatorKind.Bochs, "invalidopcode", "invalid opcode", null, InvalidOpcodeTrace)]
    [TestCase(EmulatorKind.Bochs, "stackoverflow", "double fault", "kernel stack overflow: boot stack guard page hit", StackOverflowTrace)]
    [TestCase(EmulatorKind.Bochs, "writecode", "page fault", "in kernel mode: protection violation", WriteCodeTrace)]
    [TestCase(EmulatorKind.Bochs, "threadstackoverflow", "double fault", "kernel stack overflow: a thread's stack guard page hit", ThreadStackOverflowTrace)]
    public void AFaultIsReportedNotReset(EmulatorKind emulator, string kind, string exception, string? detail, string trace)
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
        AssertTraceHolds(run, trace);
        Assert.That(run.Log, Does.EndWith("END PANIC\n"), run.Describe());
    }

    // Kernel code that panics (here on a fault kind it does not know) gets a trace that starts at its caller, from the
    // registers Panic.Halt captures: not Halt's own frame.
    // Misusing a lock throws; an exception nobody catches ends in a panic that says what was wrong, traced from the
    // lock's check.
    [TestCase(EmulatorKind.Qemu)]
    [TestCase(EmulatorKind.Bochs)]
    public void AMutexTakenUnderASpinLockPanicsSayingSo(EmulatorKind emulator)
    {
        BootResult run = HeadlessBoot.Run(new BootOptions { Emulator = emulator, CommandLine = "fault=mutexunderspinlock" });

        const string message = "Mutex.Lock: the thread holds a spinlock and must not sleep";
        Assert.That(run.Log, Does.Contain("\nPANIC: fail-fast: unhandled exception: " + message + "\nstack trace:\n"), run.Describe());
        AssertTraceHolds(run, "Mutex__Lock DeliberateFault__LockAMutexUnderASpinLock DeliberateFault__Commit");
        Assert.That(run.Log, Does.EndWith("END PANIC\n"), run.Describe());
    }

    // An application processor takes exceptions through the shared IDT onto its own stack: the NMI sent to it where it
    // is parked is reported, registers and trace from that processor, and the machine powers off.
    [Test]
    public void AnExceptionOnAnotherProcessorIsReportedNotReset()
    {
        BootResult run = HeadlessBoot.Run(new BootOptions { Emulator = EmulatorKind.Qemu, Cpus = 2, CommandLine = "fault=otherprocessor" });

        Assert.That(run.TimedOut, Is.False, run.Describe());
        Assert.That(run.Log, Does.Contain("\nPANIC: non-maskable interrupt\n"), run.Describe());
        Assert.That(run.Log, Does.Match(@"\nRIP=0x[0-9a-f]{16} RSP=0x[0-9a-f]{16} RFLAGS=0x[0-9a-f]{16}\n"), run.Describe());
        // CPU 1 is idle, or about to be, on the stack it was started on: wherever the NMI finds it there, the trace is
        // of that stack and ends at the processor's entry.
        List<string> frames = TraceFrames(run.Log);
        Assert.That(frames.Count, Is.GreaterThanOrEqualTo(2), "a frame inside the entry at least. " + run.Describe());
        Assert.That(frames.Last(), Is.EqualTo("cosmos_ap_entry"), "the trace ends at the entry. " + run.Describe());
        Assert.That(run.Log, Does.EndWith("END PANIC\n"), run.Describe());
    }

    [TestCase(EmulatorKind.Qemu)]
    [TestCase(EmulatorKind.Bochs)]
    public void APanicFromKernelCodeIsTracedFromTheCaller(EmulatorKind emulator)
    {
        BootResult run = HeadlessBoot.Run(new BootOptions { Emulator = emulator, CommandLine = "fault=nonsense" });

        Assert.That(run.Log, Does.Contain("\nPANIC: unknown fault kind 'nonsense'\nstack trace:\n  at 0x"), run.Describe());
        Assert.That(TraceFrames(run.Log).First(), Is.EqualTo("cosmos_kernel_main"), run.Describe());
        Assert.That(run.Log, Does.EndWith("END PANIC\n"), run.Describe());
    }

    static void AssertTraceHolds(BootResult run, string expected)
    {
        List<string> frames = TraceFrames(run.Log);
        string[] names = expected.Split(' ');
        bool holds = Enumerable.Range(0, Math.Max(0, frames.Count - names.Length + 1))
                               .Any(start => names.Select((name, i) => frames[start + i].EndsWith(name)).All(match => match));
        Assert.That(holds, Is.True, $"the trace does not hold \"{expected}\" in that order. " + run.Describe());
    }

    // The trace's symbols, innermost first: a frame repeated right after itself is listed once, and a collapsed
    // recursion's line is "...".
    static List<string> TraceFrames(string log)
    {
        var frames = new List<string>();
        foreach (Match line in Regex.Matches(log, @"^  (?:at 0x[0-9a-f]{16} <([^+>]*)[^>]*>|\.\.\. the frame above repeats \d+ more times)$", RegexOptions.Multiline))
        {
            string frame = line.Groups[1].Success ? line.Groups[1].Value : "...";
            if (frames.Count == 0 || frames[^1] != frame) frames.Add(frame);
        }
        return frames;
    }
}
