using System;
using Cosmos.Userland.Runtime;

static class Program
{
    const int SignalSegmentationFault = 11;

    static int Main()
    {
        long pid = Process.Spawn("/bin/nullderef", new[] { "/bin/nullderef" }, new string[0]);
        Check.True(pid > 0, "spawn of /bin/nullderef gave " + pid.ToString());
        if (pid <= 0) return Check.Result;
        Process.Wait((int)pid, out WaitStatus status);
        Check.True(!status.Exited, "killed, not " + status.ToString());
        Check.Equal(SignalSegmentationFault, status.Signal, "signal");
        Console.WriteLine("the parent survived its child's " + status.ToString());
        return Check.Result;
    }
}
