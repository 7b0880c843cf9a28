namespace Cosmos.Emulation;

// The terminal this process reads from, as a device path Bochs can open for COM1 (it has no "stdio" mode like QEMU).
public static class TerminalDevice
{
    public static string Current()
    {
        string? device = Console.IsInputRedirected ? null : File.ResolveLinkTarget("/proc/self/fd/0", false)?.FullName;
        return device != null && device.StartsWith("/dev/", StringComparison.Ordinal)
            ? device
            : throw new HostException("Bochs connects COM1 to the terminal, but standard input is not a terminal");
    }
}
