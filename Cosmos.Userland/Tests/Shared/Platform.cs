using System;

// Where a test program runs. /bin/init runs it on CosmosOS; tests/Cosmos.Userland.Tests runs the programs that use
// only Linux's calls on the Linux host with COSMOS_TEST_HOST=linux, which turns off the checks of behaviour that is
// CosmosOS's own (IsCosmos) and those that need spawn, and with TMPDIR naming a scratch directory.
static class Platform
{
    public static bool IsLinux => Environment.GetEnvironmentVariable("COSMOS_TEST_HOST") == "linux";

    public static bool IsCosmos => !IsLinux;

    // A directory for the files a test makes: TMPDIR, or CosmosOS's root (its file system lives in memory).
    public static string ScratchDirectory => Environment.GetEnvironmentVariable("TMPDIR") ?? "/";

    public static string ScratchFile(string name) => ScratchDirectory.EndsWith("/") ? ScratchDirectory + name : ScratchDirectory + "/" + name;
}
