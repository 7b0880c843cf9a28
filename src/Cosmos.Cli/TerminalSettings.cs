using System.Runtime.InteropServices;

namespace Cosmos.Cli;

// The settings of the terminal on standard input: glibc's struct termios, kept as bytes (x86_64 layout) apart from
// the few flags BochsTerminal needs.
public sealed class TerminalSettings
{
    const int StandardInput = 0, ApplyNow = 0;
    const int Size = 60, OutputFlags = 4, LocalFlags = 12, ControlCharacters = 17;
    const uint PostProcessOutput = 0x1, NewLineToCrLf = 0x4, Signals = 0x1;
    const byte CtrlC = 3;       // at ControlCharacters + VINTR (0)

    readonly byte[] _termios;

    TerminalSettings(byte[] termios) => _termios = termios;

    // Null when standard input is not a terminal.
    public static TerminalSettings? Read()
    {
        var termios = new byte[Size];
        return tcgetattr(StandardInput, termios) == 0 ? new TerminalSettings(termios) : null;
    }

    public void Apply() => tcsetattr(StandardInput, ApplyNow, _termios);

    public bool CtrlCInterrupts => (Flags(LocalFlags) & Signals) != 0 && _termios[ControlCharacters] == CtrlC;

    // These settings with Ctrl-C sending SIGINT and "\n" written as "\r\n", as in a cooked terminal.
    public TerminalSettings WithCtrlCAndLineEndings()
    {
        var changed = new TerminalSettings((byte[])_termios.Clone());
        changed.SetFlags(LocalFlags, Flags(LocalFlags) | Signals);
        changed.SetFlags(OutputFlags, Flags(OutputFlags) | PostProcessOutput | NewLineToCrLf);
        changed._termios[ControlCharacters] = CtrlC;
        return changed;
    }

    uint Flags(int offset) => BitConverter.ToUInt32(_termios, offset);

    void SetFlags(int offset, uint flags) => BitConverter.TryWriteBytes(_termios.AsSpan(offset), flags);

    [DllImport("libc")]
    static extern int tcgetattr(int fd, byte[] termios);

    [DllImport("libc")]
    static extern int tcsetattr(int fd, int optionalActions, byte[] termios);
}
