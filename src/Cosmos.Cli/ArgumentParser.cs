using System.Globalization;
using Cosmos.Emulation;

namespace Cosmos.Cli;

// Turns the command line into an Invocation, or a UsageException that says what is wrong with it. An option takes its
// value as the next argument or after '=' (--memory 512, --memory=512); when one is given twice, the last one wins.
public static class ArgumentParser
{
    static readonly Dictionary<string, Command> s_commands = new()
    {
        ["help"] = Command.Help, ["-h"] = Command.Help, ["--help"] = Command.Help,
        ["build"] = Command.Build, ["run"] = Command.Run, ["debug"] = Command.Debug, ["test"] = Command.Test,
        ["bench"] = Command.Bench,
    };

    // Options that take a value, and what the value is.
    static readonly Dictionary<string, string> s_valueOptions = new()
    {
        ["--emulator"] = "qemu or bochs",
        ["--memory"] = "a size in MiB",
        ["--smp"] = "a CPU count",
        ["--cmdline"] = "the kernel command line",
    };

    const string PrintOption = "--print";

    public static Invocation Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0) return Invocation.Help;
        if (!s_commands.TryGetValue(arguments[0], out Command command))
            throw new UsageException($"unknown command '{arguments[0]}'");
        var boot = new BootOptions();
        bool print = false;
        for (int i = 1; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (argument is "-h" or "--help") return Invocation.Help;
            if (!argument.StartsWith('-')) throw new UsageException($"unexpected argument '{argument}'");
            int equals = argument.IndexOf('=');
            string name = equals < 0 ? argument : argument[..equals];
            CheckAccepted(command, name);
            if (name == PrintOption)
            {
                if (equals >= 0) throw new UsageException($"{PrintOption} takes no value");
                print = true;
                continue;
            }
            string value = equals >= 0 ? argument[(equals + 1)..]
                : i + 1 < arguments.Count ? arguments[++i]
                : throw new UsageException($"{name} needs a value: {s_valueOptions[name]}");
            boot = name switch
            {
                "--emulator" => boot with { Emulator = Emulator(value) },
                "--memory" => boot with { MemoryMiB = PositiveNumber(name, value) },
                "--smp" => boot with { Cpus = PositiveNumber(name, value) },
                _ => boot with { CommandLine = SingleLine(value) },
            };
        }
        if (print && boot.Emulator == EmulatorKind.Bochs)
            throw new UsageException($"{PrintOption} is for QEMU and gdb; the Bochs debugger runs in this terminal");
        return new Invocation(command, boot, print);
    }

    static void CheckAccepted(Command command, string name)
    {
        if (name != PrintOption && !s_valueOptions.ContainsKey(name))
            throw new UsageException($"unknown option '{name}'");
        bool accepted = command switch
        {
            Command.Run => name != PrintOption,
            Command.Debug => true,
            _ => false,
        };
        if (!accepted) throw new UsageException($"'{command.ToString().ToLowerInvariant()}' does not take {name}");
    }

    static EmulatorKind Emulator(string value) => value switch
    {
        "qemu" => EmulatorKind.Qemu,
        "bochs" => EmulatorKind.Bochs,
        _ => throw new UsageException($"--emulator must be qemu or bochs, not '{value}'"),
    };

    static int PositiveNumber(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new UsageException($"{name} must be {s_valueOptions[name]} of at least 1, not '{value}'");

    static string SingleLine(string value) => value.Contains('\n') || value.Contains('\r')
        ? throw new UsageException("--cmdline must be a single line")
        : value;
}
