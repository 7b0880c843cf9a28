using Cosmos.Userland.Runtime;

static class Program
{
    static int Main()
    {
        long pid = Process.Spawn("/bin/exit42", new[] { "/bin/exit42" }, new string[0]);
        Check.True(pid > 0, "spawn of /bin/exit42 gave " + pid.ToString());
        if (pid <= 0) return Check.Result;
        Check.Equal(pid, Process.Wait((int)pid, out WaitStatus status), "wait4's result");
        Check.True(status.Exited, "exited normally, not " + status.ToString());
        Check.Equal(42, status.Raw >> 8, "status >> 8");
        return Check.Result;
    }
}
