namespace Cosmos.Emulation;

// The bochsrc for a boot. Debian's Bochs has no "nogui" display, so the display is an RFB server that does not wait
// for a client; triple faults stop Bochs instead of resetting; sound is off to keep ALSA quiet. COM1 goes to a file,
// a TCP socket the caller listens on, or in `term` mode to the terminal device, both ways (see docs/debugging.md for what that mode does to the terminal).
public static class BochsConfig
{
    public static string For(BootOptions options, string iso, string logFile, string? terminal = null)
    {
        if (options.SerialOnTerminal && terminal == null)
            throw new ArgumentNullException(nameof(terminal), "COM1 goes to the terminal: which one?");
        string com1 = options.SerialPort != null ? $"mode=socket-client, dev=127.0.0.1:{options.SerialPort}"
                    : options.SerialFile != null ? $"mode=file, dev=\"{options.SerialFile}\""
                    : $"mode=term, dev=\"{terminal}\"";
        return $"""
            megs: {options.MemoryMiB}
            romimage: file=/usr/share/bochs/BIOS-bochs-latest
            vgaromimage: file=/usr/share/vgabios/vgabios.bin
            display_library: rfb, options="timeout=0"
            ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14
            ata0-master: type=cdrom, path="{iso}", status=inserted
            boot: cdrom
            com1: enabled=1, {com1}
            clock: sync=none, time0=local
            cpu: count={options.Cpus}, reset_on_triple_fault=0
            magic_break: enabled={(options.Debug ? 1 : 0)}
            port_e9_hack: enabled=1
            log: "{logFile}"
            panic: action=fatal
            error: action=report
            info: action=report
            debug: action=ignore
            speaker: enabled=0
            sound: waveoutdrv=dummy, waveindrv=dummy, midioutdrv=dummy

            """;
    }
}
