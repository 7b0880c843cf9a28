using System.Diagnostics;
using Cosmos.Emulation;

namespace Cosmos.Cli.Commands;

// `cosmos debug`: QEMU halted with a gdb stub, and gdb attached with the kernel's symbols stopped at the kernel's C#
// entry point (with --print, the two commands to run by hand instead); or Bochs stopped in its internal debugger.
public static class DebugCommand
{
    public static int Run(BootOptions options, bool print)
    {
        options = options with { Debug = true };
        string iso = BootPreparation.BootImageFor(options);
        if (options.Emulator == EmulatorKind.Bochs)
            return RunCommand.Boot(options, iso,
                "starting Bochs in its debugger: 'c' continues; Ctrl-C and 'xchg bx, bx' in the kernel break in");

        string serial = Path.Combine(KernelBuild.ScratchDirectory, "serial.log");
        IReadOnlyList<string> qemu = QemuArguments.For(options with { SerialFile = serial }, iso);
        IReadOnlyList<string> gdb = GdbCommand.For(KernelBuild.Elf, options.GdbPort);
        if (print)
        {
            Console.WriteLine("Run in one terminal:\n  " + ShellQuoting.Join([QemuArguments.Program, .. qemu]));
            Console.WriteLine("and in another:\n  " + ShellQuoting.Join([GdbCommand.Program, .. gdb]));
            return 0;
        }

        // In a session of its own QEMU does not get the terminal's Ctrl-C, which is gdb's: it stops the kernel.
        ProcessStartInfo emulatorStart = HostTool.Command("setsid", [QemuArguments.Program, .. qemu]);
        emulatorStart.RedirectStandardInput = true;
        using Process emulator = HostTool.Start(emulatorStart);
        try
        {
            Progress.Note($"QEMU is halted with a gdb stub on :{options.GdbPort}; COM1 goes to {serial}");
            return ForegroundProcess.Run(HostTool.Command(GdbCommand.Program, gdb));
        }
        finally
        {
            if (!emulator.HasExited) emulator.Kill(entireProcessTree: true);
        }
    }
}
