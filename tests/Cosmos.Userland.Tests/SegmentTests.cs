using System.Diagnostics;
using System.Globalization;

namespace Cosmos.Userland.Tests;

// Every program's ELF as `readelf -lW` sees it: loadable segments page-aligned in memory and in the file, none both
// writable and executable, and a non-executable stack.
public class SegmentTests
{
    static IEnumerable<UserProgram> Programs() => UserProgram.All();

    [TestCaseSource(nameof(Programs))]
    public void SegmentsArePageAlignedAndNeverWritableAndExecutable(UserProgram program)
    {
        string[] headers = ReadProgramHeaders(program.Elf);
        string[] loads = headers.Where(line => line.StartsWith("LOAD")).ToArray();
        Assert.That(loads, Has.Length.EqualTo(3), string.Join('\n', headers));
        foreach (string load in loads)
        {
            string[] fields = load.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ulong offset = Hex(fields[1]), address = Hex(fields[2]);
            string flags = string.Concat(fields.Skip(6).TakeWhile(field => !field.StartsWith("0x")));
            Assert.That(address % 4096, Is.Zero, load);
            Assert.That(offset % 4096, Is.Zero, load);
            Assert.That(flags.Contains('W') && flags.Contains('E'), Is.False, load);
        }
        string stack = headers.Single(line => line.StartsWith("GNU_STACK"));
        Assert.That(stack, Does.Contain(" RW ").And.Not.Contain("E"), stack);
    }

    static ulong Hex(string text) => ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber);

    static string[] ReadProgramHeaders(string elf)
    {
        var start = new ProcessStartInfo("readelf", ["-lW", elf]) { RedirectStandardOutput = true };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n').Select(line => line.Trim()).ToArray();
    }
}
