using System.Diagnostics;
using Cosmos.Emulation;

namespace Cosmos.Cli;

// Runs a program on this terminal until it ends (with an optional companion task beside it), then puts the terminal's
// settings back. Ctrl-C reaches the program too (same process group) and is its to handle (gdb stops the kernel,
// Bochs breaks into its debugger), so meanwhile it must not end this process.
public static class ForegroundProcess
{
    public static int Run(ProcessStartInfo start, Action<Process>? alongside = null)
    {
        ConsoleCancelEventHandler keepRunning = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += keepRunning;
        TerminalSettings? terminal = TerminalSettings.Read();
        try
        {
            using Process process = HostTool.Start(start);
            Task companion = alongside == null ? Task.CompletedTask : Task.Run(() => alongside(process));
            process.WaitForExit();
            companion.Wait();
            return process.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= keepRunning;
            terminal?.Apply();
        }
    }
}
