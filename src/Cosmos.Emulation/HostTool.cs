using System.ComponentModel;
using System.Diagnostics;

namespace Cosmos.Emulation;

// Starts host programs, turning "not installed" and "failed" into one HostException that names the program.
public static class HostTool
{
    public static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new HostException($"'{start.FileName}' did not start");
        }
        catch (Win32Exception e)
        {
            throw new HostException($"'{start.FileName}' could not be started ({e.Message}); " +
                                        "./cosmos installs the Debian packages CosmosOS needs");
        }
    }

    // Runs the program to its end and returns what it wrote to stdout; a non-zero exit throws with all its output.
    public static string Run(ProcessStartInfo start, string failure)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using Process process = Start(start);
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new HostException($"{failure}:\n{output}{errors.Result}".TrimEnd());
        return output;
    }

    public static ProcessStartInfo Command(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
