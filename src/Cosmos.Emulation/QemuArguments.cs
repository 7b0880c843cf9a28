namespace Cosmos.Emulation;

// QEMU's argument list for a boot: TCG (KVM is no faster on the machines this runs on), no display, no reboot so that
// a triple fault ends the run, and isa-debug-exit so that the kernel's power-off ends QEMU with status 33.
public static class QemuArguments
{
    public const string Program = "qemu-system-x86_64";

    // isa-debug-exit turns the kernel's write of 0x10 to port 0xf4 (Arch/X64/Power.cs) into this: (0x10 << 1) | 1.
    public const int PowerOffExitCode = 33;

    public static IReadOnlyList<string> For(BootOptions options, string iso)
    {
        var arguments = new List<string>
        {
            "-accel", "tcg", "-m", options.MemoryMiB.ToString(), "-smp", options.Cpus.ToString(),
            "-cdrom", iso, "-boot", "d", "-display", "none", "-no-reboot",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
        };
        // On the terminal, Ctrl-A X quits and Ctrl-A C switches to the monitor; in a file, nobody is there to use it.
        if (options.SerialPort != null) arguments.AddRange(["-serial", "tcp:127.0.0.1:" + options.SerialPort, "-monitor", "none"]);
        else if (options.SerialFile == null) arguments.AddRange(["-serial", "mon:stdio"]);
        else arguments.AddRange(["-serial", "file:" + options.SerialFile, "-monitor", "none"]);
        if (options.Debug) arguments.AddRange(["-gdb", "tcp::" + options.GdbPort, "-S"]);
        if (options.CountInstructions) arguments.AddRange(["-icount", "shift=0"]);
        return arguments;
    }
}
