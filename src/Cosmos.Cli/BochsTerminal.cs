using System.Diagnostics;

namespace Cosmos.Cli;

// Bochs 2.7's `term` serial mode (iodev/serial.cc) means to leave Ctrl-C to its debugger, but then clears every
// terminal flag, so Ctrl-C would go to the kernel and only the kernel's poweroff could end Bochs. While Bochs runs,
// Ctrl-C (which then breaks into the Bochs debugger) and line endings are given back whenever they are gone: after
// Bochs sets the terminal up, and after each debugger prompt, whose readline restores the settings it found.
// (On exit Bochs also "restores" settings it overwrote before saving them; ForegroundProcess puts the real ones back.)
public static class BochsTerminal
{
    public static void KeepCtrlC(Process bochs)
    {
        while (!bochs.WaitForExit(TimeSpan.FromMilliseconds(200)))
        {
            TerminalSettings? settings = TerminalSettings.Read();
            if (settings == null) return;
            if (!settings.CtrlCInterrupts) settings.WithCtrlCAndLineEndings().Apply();
        }
    }
}
