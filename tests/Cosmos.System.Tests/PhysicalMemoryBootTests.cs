namespace Cosmos.System.Tests;

// Boots QEMU with several memory sizes and boot modules and checks the page-frame allocator's counters against an
// independent page-by-page reading of the memory map the kernel printed (memory-spec.md section 1), to the page.
public sealed class PhysicalMemoryBootTests
{
    const ulong PageSize = 4096, LowMemoryEnd = 1 << 20;

    [TestCase(32, 0)]
    [TestCase(128, 0)]
    [TestCase(1024, 0)]
    [TestCase(4096, 0)]
    [TestCase(128, 1)]
    [TestCase(128, 2)]
    public void FreePagesAreTheAvailableMemoryMinusTheReservedParts(int memoryMiB, int extraModules)
    {
        var modules = Enumerable.Range(1, extraModules)
            .Select(i => new BootModule("module" + i, Enumerable.Range(0, 300_000 * i + 123).Select(b => (byte)b).ToArray()))
            .ToList();
        // The in-kernel tests and then the userland tests run at every size, and some scale with memory (ten times the
        // RAM in garbage, every page written): the timeout grows with it.
        var timeout = TimeSpan.FromSeconds(120 + 90 * memoryMiB / 1024);
        BootResult run = HeadlessBoot.Run(new BootOptions { CommandLine = "test", Modules = modules, MemoryMiB = memoryMiB }, timeout);
        MemoryReportLog report = MemoryReportLog.Parse(run.Log);
        Assert.That(run.Log, Does.Contain("TESTS DONE"), run.Describe());

        Assert.That(report.Modules, Has.Count.EqualTo(2 + extraModules), "boot modules seen by the kernel: symbols, initrd and the extra ones");
        Assert.That(report.Statistics, Has.Count.EqualTo(2), "MEMINFO before and after the modules are released. " + run.Describe());
        ulong total = 0, reserved = 0, modulePages = 0;
        ulong limit = report.Map.Where(IsAvailable).Max(e => e.End) / PageSize;
        for (ulong page = 0; page < limit; page++)
        {
            ulong start = page * PageSize, end = start + PageSize;
            if (!report.Map.Any(e => IsAvailable(e) && e.Start <= start && e.End >= end)) continue;
            if (report.Map.Any(e => !IsAvailable(e) && e.Start < end && e.End > start)) continue;
            total++;
            bool insideModule = report.Modules.Any(m => m.Start <= start && m.End >= end);
            bool touchesModule = report.Modules.Any(m => m.Start < end && m.End > start);
            if (end <= LowMemoryEnd || Touches(report.Kernel, start, end) || Touches(report.Bookkeeping, start, end) || (touchesModule && !insideModule))
                reserved++;
            else if (insideModule) modulePages++;
        }

        MemoryReportLog.Counters before = report.Statistics[0], after = report.Statistics[1];
        Assert.Multiple(() =>
        {
            Assert.That(before.Total, Is.EqualTo(total), "total pages");
            Assert.That(before.Reserved, Is.EqualTo(reserved), "reserved pages");
            Assert.That(before.Modules, Is.EqualTo(modulePages), "module pages before release");
            Assert.That(after.Modules, Is.EqualTo(0UL), "module pages after release");
            Assert.That(after.Free, Is.EqualTo(before.Free + modulePages), "free pages grow by exactly the module pages");
            Assert.That(after.Allocated, Is.EqualTo(before.Allocated), "nothing else changes meanwhile (the kernel's page tables stay allocated)");
            Assert.That(run.Log, Does.Contain("TESTS DONE").And.Contain(" 0 failed"), "in-kernel tests at this memory size. " + run.Describe());
        });
    }

    static bool IsAvailable(MemoryReportLog.Range entry) => entry.Label == "available";

    static bool Touches(MemoryReportLog.Range range, ulong start, ulong end) => range.Start < end && range.End > start;
}
