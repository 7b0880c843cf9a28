namespace Cosmos.Userland.Tests;

// The memory test programs against Linux's own mmap, munmap, mprotect and msync, before (and after) CosmosOS has them:
// each runs as init runs it, with COSMOS_TEST_HOST=linux, which skips its checks of CosmosOS-only behaviour and of
// faults in spawned children, and TMPDIR a scratch directory; each child mode that must fault runs here directly.
// /tests/sharedmemory needs spawn and CosmosOS's shm_* calls: it runs in CosmosOS only.
public class MemoryProgramTests
{
    const int KilledBySigsegv = 128 + 11;

    string _scratch = "";

    [SetUp]
    public void MakeScratchDirectory() => _scratch = Directory.CreateTempSubdirectory("cosmos-memory-").FullName;

    [TearDown]
    public void RemoveScratchDirectory() => Directory.Delete(_scratch, recursive: true);

    string[] Environment() => ["COSMOS_TEST=1", "COSMOS_TEST_HOST=linux", "TMPDIR=" + _scratch];

    [TestCase("munmap")]
    [TestCase("mprotect")]
    [TestCase("mapfixed")]
    [TestCase("mapfile")]
    [TestCase("structspan")]
    public void PassesOnLinux(string name)
    {
        FinishedRun run = UserProgram.Test(name).Run(["first", "second argument"], Environment(), argv0: "/tests/" + name);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
    }

    [TestCase("munmap", "read-unmapped-middle")]
    [TestCase("mprotect", "write-read-only-middle")]
    [TestCase("mprotect", "read-protection-none")]
    [TestCase("stackoverflow", "recurse")]
    public void ChildModeIsKilledBySigsegv(string name, string mode)
    {
        FinishedRun run = UserProgram.Test(name).Run(["child", mode], Environment(), argv0: "/tests/" + name);
        Assert.That(run.ExitCode, Is.EqualTo(KilledBySigsegv), run.Output + run.Error);
    }
}
