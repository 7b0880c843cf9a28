using System.Diagnostics;

namespace Cosmos.Emulation;

// The process that boots an ISO with the given options: QEMU with its argument list, or Bochs with a bochsrc written
// into `directory` (the caller's scratch folder, which also receives Bochs's log).
public static class EmulatorCommand
{
    public static ProcessStartInfo For(BootOptions options, string iso, string directory)
    {
        if (options.Emulator == EmulatorKind.Qemu)
            return HostTool.Command(QemuArguments.Program, QemuArguments.For(options, iso));

        string config = Path.Combine(directory, "bochsrc.txt");
        string? terminal = options.SerialOnTerminal ? TerminalDevice.Current() : null;
        File.WriteAllText(config, BochsConfig.For(options, iso, Path.Combine(directory, "bochs.log"), terminal));
        var arguments = new List<string> { "-q", "-f", config };
        // Bochs's debugger is always compiled in and stops before the first instruction; without a debug session an
        // rc file tells it to continue.
        if (!options.Debug)
        {
            string continueScript = Path.Combine(directory, "continue.rc");
            File.WriteAllText(continueScript, "c\n");
            arguments.AddRange(["-rc", continueScript]);
        }
        ProcessStartInfo start = HostTool.Command("bochs", arguments);
        start.WorkingDirectory = directory;
        return start;
    }

    // Whether an exit status means the machine ended as intended: QEMU exits 33 on the kernel's power-off and 0 when
    // quit from its console; Bochs exits 1 however it ends, so only its serial output can tell.
    public static bool EndedNormally(EmulatorKind emulator, int exitCode) => emulator == EmulatorKind.Bochs
        || exitCode == 0 || exitCode == QemuArguments.PowerOffExitCode;
}
