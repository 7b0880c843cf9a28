using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cosmos.Emulation;

// Boots the kernel with no terminal attached and waits until the kernel powers the machine off or the timeout ends
// the run (the emulator is then killed). Run captures COM1 to a file; Converse connects COM1 to a socket and types
// at the kernel's console. What the tests use; see docs/testing.md.
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
            using Process process = Start(options with { SerialFile = serial, SerialPort = null }, iso, directory);
            bool exited = WaitOrKill(process, timeout ?? DefaultTimeout(options.Emulator));
            string log = File.Exists(serial) ? File.ReadAllText(serial).Replace("\r", "") : "";
            return new BootResult(options.Emulator, log, !exited, process.ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Each step waits until the console has printed `Await` (after what the previous step waited for), then types
    // `Send`. The result's log is everything COM1 printed; TimedOut also covers a step whose text never came.
    public static BootResult Converse(BootOptions options, IReadOnlyList<(string Await, string Send)> script, TimeSpan? timeout = null)
    {
        if (options.Debug)
            throw new ArgumentException("a headless boot has nobody to drive the debugger", nameof(options));
        string iso = BootImage.For(options.CommandLine, options.Modules);
        string directory = Directory.CreateTempSubdirectory("cosmos-boot-").FullName;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using Process process = Start(options with { SerialFile = null, SerialPort = port }, iso, directory);
            var deadline = Stopwatch.StartNew();
            TimeSpan limit = timeout ?? DefaultTimeout(options.Emulator);
            var console = new StringBuilder();
            bool completed = false;
            Task<TcpClient> accept = listener.AcceptTcpClientAsync();
            if (accept.Wait(limit))
            {
                using TcpClient client = accept.Result;
                NetworkStream stream = client.GetStream();
                Task reading = ReadAllAsync(stream, console);
                int from = 0;
                completed = script.All(step => AwaitText(console, step.Await, ref from, deadline, limit) && Send(stream, step.Send));
                completed &= reading.Wait(Remaining(deadline, limit));
            }
            bool exited = WaitOrKill(process, Remaining(deadline, limit));
            string log;
            lock (console) log = console.ToString().Replace("\r", "");
            return new BootResult(options.Emulator, log, !(exited && completed), process.ExitCode);
        }
        finally
        {
            listener.Stop();
            Directory.Delete(directory, recursive: true);
        }
    }

    static Process Start(BootOptions options, string iso, string directory)
    {
        ProcessStartInfo start = EmulatorCommand.For(options, iso, directory);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        Process process = HostTool.Start(start);
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    // Whether the emulator exited by itself in time.
    static bool WaitOrKill(Process process, TimeSpan timeout)
    {
        bool exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return exited;
    }

    static async Task ReadAllAsync(NetworkStream stream, StringBuilder console)
    {
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            lock (console) console.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }
    }

    // Moves `from` past the first `text` printed at or after it.
    static bool AwaitText(StringBuilder console, string text, ref int from, Stopwatch deadline, TimeSpan limit)
    {
        while (deadline.Elapsed < limit)
        {
            int found;
            lock (console) found = console.ToString().IndexOf(text, from, StringComparison.Ordinal);
            if (found >= 0)
            {
                from = found + text.Length;
                return true;
            }
            Thread.Sleep(50);
        }
        return false;
    }

    static bool Send(NetworkStream stream, string text)
    {
        stream.Write(Encoding.Latin1.GetBytes(text));
        return true;
    }

    static TimeSpan Remaining(Stopwatch deadline, TimeSpan limit)
        => deadline.Elapsed < limit ? limit - deadline.Elapsed : TimeSpan.Zero;

    static TimeSpan DefaultTimeout(EmulatorKind kind) =>
        kind == EmulatorKind.Qemu ? TimeSpan.FromSeconds(90) : TimeSpan.FromSeconds(180);
}
