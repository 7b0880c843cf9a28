namespace Cosmos.Emulation;

// Everything that describes one boot of the kernel: the emulator and the machine it emulates, what GRUB hands the
// kernel, where COM1 goes and whether a debugger holds the machine. QEMU's argument list (QemuArguments) and Bochs's
// configuration (BochsConfig) are both generated from it, so an option means the same in either emulator.
public sealed record BootOptions
{
    public EmulatorKind Emulator { get; init; } = EmulatorKind.Qemu;

    public int MemoryMiB { get; init; } = 256;

    public int Cpus { get; init; } = 1;

    public string CommandLine { get; init; } = "";

    public IReadOnlyList<BootModule> Modules { get; init; } = [];

    // The file COM1 is written to; null connects COM1 to the terminal, both ways (unless SerialPort is set).
    public string? SerialFile { get; init; }

    // A TCP port on 127.0.0.1 where something listens: COM1 connects to it, both ways, and SerialFile is not used.
    // How a test types at the kernel's console (HeadlessBoot.Converse).
    public int? SerialPort { get; init; }

    // COM1 goes to the terminal: neither a file nor a socket takes it.
    public bool SerialOnTerminal => SerialFile == null && SerialPort == null;

    // QEMU: a gdb stub on GdbPort with the CPU halted before the firmware runs. Bochs: its internal debugger stops at
    // the first instruction and at every `xchg bx, bx` (magic break); Bochs has no gdb stub (not compiled in).
    public bool Debug { get; init; }

    public int GdbPort { get; init; } = 1234;

    // QEMU only: one guest instruction per nanosecond of virtual time (-icount shift=0), so that the time-stamp counter
    // counts instructions and a benchmark's figures are the same on every run.
    public bool CountInstructions { get; init; }
}
