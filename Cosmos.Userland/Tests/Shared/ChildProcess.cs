using System;
using Cosmos.Userland.Runtime;

// This program run again as its own child (argv[0], with envp passed on) in a child mode: argv[1] "child", argv[2] the
// mode, then the mode's arguments. A test checks that an access kills a process by running the access in a child.
static class ChildProcess
{
    const string Marker = "child";
    const int SignalSegmentationFault = 11;

    // What a child mode returns when the access it was to die of did not kill it.
    public const int Survived = 99;

    // Whether `args` (Main's) make this run a child: the mode is then args[1], its arguments args[2...].
    public static bool IsChild(string[] args) => args.Length >= 2 && args[0] == Marker;

    // Starts this program in `mode` with `arguments`; the child's pid, or -errno (a failed check).
    public static long Start(string mode, params string[] arguments)
    {
        string path = Environment.GetCommandLineArgs()[0];
        var argv = new string[arguments.Length + 3];
        argv[0] = path;
        argv[1] = Marker;
        argv[2] = mode;
        for (int i = 0; i < arguments.Length; i++) argv[i + 3] = arguments[i];
        long pid = Process.Spawn(path, argv, ProcessStart.Environment());
        Check.True(pid > 0, "spawn of " + path + " " + mode + " gave " + pid.ToString());
        return pid;
    }

    // Waits for the child `pid` started in `mode`; false (a failed check) when wait4 failed.
    public static bool Wait(long pid, string mode, out WaitStatus status)
    {
        long waited = Process.Wait((int)pid, out status);
        Check.Equal(pid, waited, "wait4 for the child " + mode);
        return waited == pid;
    }

    // Runs this program in `mode` with `arguments` and waits for it; false (a failed check) when it did not run.
    public static bool Run(out WaitStatus status, string mode, params string[] arguments)
    {
        status = default;
        long pid = Start(mode, arguments);
        return pid > 0 && Wait(pid, mode, out status);
    }

    // Checks that the child mode `mode` is killed by SIGSEGV. On Linux there is no spawn: the host tests run each mode
    // themselves and expect SIGSEGV.
    public static void ExpectSegmentationFault(string mode)
    {
        if (Platform.IsLinux) return;
        if (!Run(out WaitStatus status, mode)) return;
        Check.True(!status.Exited && status.Signal == SignalSegmentationFault, mode + ": expected killed by signal 11, got " + status.ToString());
    }

    // Checks that the child ends with status 0 (its own checks passed).
    public static void ExpectSuccess(long pid, string mode)
    {
        if (pid > 0 && Wait(pid, mode, out WaitStatus status))
            Check.True(status.Exited && status.ExitCode == 0, mode + ": expected exit status 0, got " + status.ToString());
    }

    // Checks that the child mode `mode` ends with status 0 (its own checks passed).
    public static void ExpectSuccess(string mode, params string[] arguments) => ExpectSuccess(Start(mode, arguments), mode);

    // The end of a child mode whose access should have killed it.
    public static int ReportSurvival(string mode)
    {
        Console.WriteLine("FAILED: " + mode + ": the access did not fault");
        return Survived;
    }
}
