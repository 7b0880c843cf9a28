using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Cosmos.Cli.Tests;

// QEMU started for debugging (halted, gdb stub) and gdb started as `cosmos debug` starts it, in batch mode: gdb must
// stop where the kernel's C# begins and find C# source lines in the kernel's DWARF. A free port keeps the test clear
// of a `cosmos debug` session on the default one.
public sealed class GdbSessionTests
{
    [Test]
    public void GdbStopsAtTheKernelEntryAndKnowsTheCSharpSource()
    {
        string[] kernelMain =
            File.ReadAllLines(Path.Combine(KernelBuild.RepositoryRoot, "Cosmos.Kernel", "KernelMain.cs"));
        // The second statement: the entry breakpoint may already sit on the first, and gdb would not stop there again.
        int secondStatement = Array.FindIndex(kernelMain, line => line.Contains("KernelImage.Initialize(")) + 1;
        Assert.That(secondStatement, Is.GreaterThan(0), "KernelMain.cs no longer starts the image; pick another line");

        FinishedProcess gdb = DebugSession("info symbol $pc", $"break KernelMain.cs:{secondStatement}", "continue");

        string output = gdb.Output, session = gdb.Output + gdb.Errors;
        // The entry stop names the C# method and its parameters, whether or not it falls on a line boundary.
        const string entryStop =
            @"Breakpoint 1, (0x[0-9a-f]+ in )?Cosmos_Kernel_Cosmos_Kernel_KernelMain__Main \(multibootInfoPhysical=";
        Assert.That(output, Does.Match(entryStop), session);
        Assert.That(output, Does.Contain($"{GdbCommand.EntryPoint} in section .text"), session);
        Match stop = Regex.Match(output, @"Breakpoint 2, .* at \S+/Cosmos\.Kernel/KernelMain\.cs:(\d+)\n(\d+)\t(.*)\n");
        Assert.That(stop.Success, Is.True, "no stop at a KernelMain.cs line with its source. " + session);
        int line = int.Parse(stop.Groups[1].Value);
        Assert.That(line, Is.GreaterThanOrEqualTo(secondStatement));
        Assert.That(int.Parse(stop.Groups[2].Value), Is.EqualTo(line));
        Assert.That(stop.Groups[3].Value.Trim(), Is.EqualTo(kernelMain[line - 1].Trim()));
    }

    // gdb in batch mode, GdbCommand's commands and then these, against a QEMU halted for it.
    static FinishedProcess DebugSession(params string[] commands)
    {
        int port = FreePort();
        string directory = Directory.CreateTempSubdirectory("cosmos-gdb-").FullName;
        var options = new BootOptions { Debug = true, GdbPort = port, SerialFile = Path.Combine(directory, "serial") };
        ProcessStartInfo qemuStart = EmulatorCommand.For(options, BootImage.For(options.CommandLine), directory);
        qemuStart.RedirectStandardInput = true;
        using Process qemu = Process.Start(qemuStart)!;
        try
        {
            string[] arguments =
                ["-batch", .. GdbCommand.For(KernelBuild.Elf, port), .. commands.SelectMany(c => new[] { "-ex", c })];
            return FinishedProcess.Run(GdbCommand.Program, arguments, TimeSpan.FromSeconds(60));
        }
        finally
        {
            qemu.Kill();
            qemu.WaitForExit();
            Directory.Delete(directory, recursive: true);
        }
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
