using Cosmos.Emulation;

namespace Cosmos.Cli;

// What the user asked for: a command, the boot it describes (run, debug) and whether to print the debug commands
// instead of running them.
public sealed record Invocation(Command Command, BootOptions Boot, bool Print)
{
    public static Invocation Help { get; } = new(Command.Help, new BootOptions(), false);
}
