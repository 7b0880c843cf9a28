using System.Diagnostics;

namespace Cosmos.System.Tests;

public enum EmulatorKind { Qemu, Bochs }

// The outcome of one boot: the serial console's text and how the emulator ended. Results are judged from the log
// (QEMU exits 0 on SIGTERM and on a triple fault; Bochs always exits 1), the exit code only adds detail.
public sealed record BootResult(EmulatorKind Emulator, string Log, bool TimedOut, int ExitCode)
{
    public string Tail(int lines = 40) => string.Join('\n', Log.Split('\n').TakeLast(lines));

    public string Describe() => $"{Emulator} {(TimedOut ? "timed out" : "exited " + ExitCode)}; serial log tail:\n{Tail()}";
}

// Boots an ISO headless, the serial console captured to a file, and waits until the kernel powers the machine off or
// the timeout ends the run. See docs/testing.md and the emulator facts behind the options chosen here.
public static class Emulator
{
    public static BootResult Boot(EmulatorKind kind, string iso, int memoryMiB = 256, TimeSpan? timeout = null)
    {
        string directory = Directory.CreateTempSubdirectory("cosmos-boot-").FullName;
        try
        {
            string serial = Path.Combine(directory, "serial.txt");
            ProcessStartInfo start = kind == EmulatorKind.Qemu
                ? QemuCommand(iso, memoryMiB, serial)
                : BochsCommand(iso, memoryMiB, serial, directory);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.RedirectStandardInput = true;
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            bool exited = process.WaitForExit(timeout ?? DefaultTimeout(kind));
            if (!exited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            drain.Wait(TimeSpan.FromSeconds(5));
            string log = File.Exists(serial) ? File.ReadAllText(serial).Replace("\r", "") : "";
            return new BootResult(kind, log, !exited, process.ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    static TimeSpan DefaultTimeout(EmulatorKind kind) => kind == EmulatorKind.Qemu ? TimeSpan.FromSeconds(90) : TimeSpan.FromSeconds(180);

    static ProcessStartInfo QemuCommand(string iso, int memoryMiB, string serial)
    {
        var start = new ProcessStartInfo("qemu-system-x86_64");
        foreach (string argument in new[]
        {
            "-accel", "tcg", "-m", memoryMiB.ToString(), "-cdrom", iso, "-boot", "d", "-display", "none", "-no-reboot",
            "-serial", "file:" + serial, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-monitor", "none",
        }) start.ArgumentList.Add(argument);
        return start;
    }

    // Bochs's debugger is always compiled in: it needs an rc file that says "continue". Its display is an RFB server
    // that does not wait for a client; triple faults stop it instead of resetting.
    static ProcessStartInfo BochsCommand(string iso, int memoryMiB, string serial, string directory)
    {
        string config = Path.Combine(directory, "bochsrc.txt"), continueScript = Path.Combine(directory, "continue.rc");
        File.WriteAllText(continueScript, "c\n");
        File.WriteAllText(config, $"""
            megs: {memoryMiB}
            romimage: file=/usr/share/bochs/BIOS-bochs-latest
            vgaromimage: file=/usr/share/vgabios/vgabios.bin
            display_library: rfb, options="timeout=0"
            ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14
            ata0-master: type=cdrom, path="{iso}", status=inserted
            boot: cdrom
            com1: enabled=1, mode=file, dev="{serial}"
            clock: sync=none, time0=local
            cpu: count=1, reset_on_triple_fault=0
            magic_break: enabled=0
            port_e9_hack: enabled=1
            log: {Path.Combine(directory, "bochs.log")}
            panic: action=fatal
            error: action=report
            info: action=report
            debug: action=ignore
            speaker: enabled=0
            sound: waveoutdrv=dummy, waveindrv=dummy, midioutdrv=dummy
            """);
        var start = new ProcessStartInfo("bochs") { WorkingDirectory = directory };
        foreach (string argument in new[] { "-q", "-f", config, "-rc", continueScript }) start.ArgumentList.Add(argument);
        return start;
    }
}
