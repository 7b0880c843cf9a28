using System.Diagnostics;

namespace Cosmos.Emulation;

// Boots the kernel with no terminal attached, COM1 captured to a file, and waits until the kernel powers the machine
// off or the timeout ends the run (the emulator is then killed). What the tests use; see docs/testing.md.
public static class HeadlessBoot
{
    public static BootResult Run(BootOptions options, TimeSpan? timeout = null)
    {
        if (options.Debug)
            throw new ArgumentException("a headless boot has nobody to drive the debugger", nameof(options));
        string iso = BootImage.For(options.CommandLine, options.Modules);
        string directory = Directory.CreateTempSubdirectory("cosmos-boot-").FullName;
        try
        {
            string serial = Path.Combine(directory, "serial.txt");
            ProcessStartInfo start = EmulatorCommand.For(options with { SerialFile = serial }, iso, directory);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.RedirectStandardInput = true;
            using Process process = HostTool.Start(start);
            process.StandardInput.Close();
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            bool exited = process.WaitForExit(timeout ?? DefaultTimeout(options.Emulator));
            if (!exited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            drain.Wait(TimeSpan.FromSeconds(5));
            string log = File.Exists(serial) ? File.ReadAllText(serial).Replace("\r", "") : "";
            return new BootResult(options.Emulator, log, !exited, process.ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    static TimeSpan DefaultTimeout(EmulatorKind kind) =>
        kind == EmulatorKind.Qemu ? TimeSpan.FromSeconds(90) : TimeSpan.FromSeconds(180);
}
