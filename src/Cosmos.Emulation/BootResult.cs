namespace Cosmos.Emulation;

// The outcome of one boot: the serial console's text and how the emulator ended. Results are judged from the log
// (QEMU exits 0 on SIGTERM and on a triple fault; Bochs always exits 1), the exit code only adds detail.
public sealed record BootResult(EmulatorKind Emulator, string Log, bool TimedOut, int ExitCode)
{
    public string Tail(int lines = 40) => string.Join('\n', Log.Split('\n').TakeLast(lines));

    public string Describe() =>
        $"{Emulator} {(TimedOut ? "timed out" : "exited " + ExitCode)}; serial log tail:\n{Tail()}";
}
