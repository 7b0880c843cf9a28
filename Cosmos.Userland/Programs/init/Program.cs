using System;
using Cosmos.Userland.Runtime;

// The first program the kernel starts. With the argument "test" it runs every program in /tests and reports each one
// as a line the system tests read; with "bench <label>" it runs the user-mode benchmark /bin/regionbench; otherwise it
// runs the shell and ends with it (the kernel then powers off).
static class Program
{
    static readonly string[] TestEnvironment = { "COSMOS_TEST=1", "HOME=/" };

    static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "test") return RunTests();
        if (args.Length > 1 && args[0] == "bench") return RunAndWait("/bin/regionbench", args[1]);
        return RunAndWait("/bin/sh", null);
    }

    // Runs the program (with one argument, or none) and waits for it: 0 when it ended with 0.
    static int RunAndWait(string path, string argument)
    {
        string[] argv = argument == null ? new[] { path } : new[] { path, argument };
        long pid = Process.Spawn(path, argv, new[] { "HOME=/" });
        if (pid < 0)
        {
            Console.WriteLine("init: cannot start " + path + ": error " + (-pid).ToString());
            return 1;
        }
        Process.Wait((int)pid, out WaitStatus status);
        return status.Exited && status.ExitCode == 0 ? 0 : 1;
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
