using System;
using Cosmos.Userland.Runtime;

// The first program the kernel starts. With the argument "test" it runs every program in /tests and reports each one
// as a line the system tests read; otherwise it runs the shell and ends with it (the kernel then powers off).
static class Program
{
    static readonly string[] TestEnvironment = { "COSMOS_TEST=1", "HOME=/" };

    static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "test") return RunTests();
        long pid = Process.Spawn("/bin/sh", new[] { "/bin/sh" }, new[] { "HOME=/" });
        if (pid < 0)
        {
            Console.WriteLine("init: cannot start /bin/sh: error " + (-pid).ToString());
            return 1;
        }
        Process.Wait((int)pid, out _);
        return 0;
    }

    static int RunTests()
    {
        long listed = FileSystem.ListDirectory("/tests", out string[] names);
        if (listed < 0)
        {
            Console.WriteLine("init: cannot list /tests: error " + (-listed).ToString());
            return 1;
        }
        int passed = 0, failed = 0;
        foreach (string name in names)
        {
            string path = "/tests/" + name;
            string failure = Run(path);
            if (failure == null)
            {
                passed++;
                Console.WriteLine("USERTEST " + name + " PASS");
            }
            else
            {
                failed++;
                Console.WriteLine("USERTEST " + name + " FAIL: " + failure);
            }
        }
        Console.WriteLine("USERTESTS DONE " + passed.ToString() + " passed, " + failed.ToString() + " failed");
        return failed == 0 ? 0 : 1;
    }

    // Null when the test passed, else why not.
    static string Run(string path)
    {
        long pid = Process.Spawn(path, new[] { path, "first", "second argument" }, TestEnvironment);
        if (pid < 0) return "spawn failed with error " + (-pid).ToString();
        long waited = Process.Wait((int)pid, out WaitStatus status);
        if (waited < 0) return "wait4 failed with error " + (-waited).ToString();
        return status.Exited && status.ExitCode == 0 ? null : status.ToString();
    }
}
