using Cosmos.Emulation;

namespace Cosmos.Cli.Commands;

// `cosmos run`: boots the kernel with COM1 on this terminal until the kernel powers the machine off or the user quits
// the emulator.
public static class RunCommand
{
    public static int Run(BootOptions options) => Boot(options, BootPreparation.BootImageFor(options),
        options.Emulator == EmulatorKind.Qemu
            ? "starting QEMU; the console is this terminal (Ctrl-A X quits)"
            : "starting Bochs; the console is this terminal (Ctrl-C breaks into the Bochs debugger, 'q' there quits)");

    // Runs the emulator in the foreground, with a scratch folder for its files (bochsrc, Bochs's log).
    public static int Boot(BootOptions options, string iso, string note)
    {
        string directory = Directory.CreateTempSubdirectory("cosmos-run-").FullName;
        try
        {
            var start = EmulatorCommand.For(options, iso, directory);
            bool bochsOnTerminal = options.Emulator == EmulatorKind.Bochs && options.SerialOnTerminal;
            Progress.Note(note);
            int exitCode = ForegroundProcess.Run(start, bochsOnTerminal ? BochsTerminal.KeepCtrlC : null);
            return EmulatorCommand.EndedNormally(options.Emulator, exitCode) ? 0 : exitCode;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
