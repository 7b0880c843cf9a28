using Cosmos.Cli;
using Cosmos.Cli.Commands;
using Cosmos.Emulation;

// The `cosmos` command. A mistake in the command line prints the usage and exits 2; a host tool that fails (the
// kernel build, grub-mkrescue, a missing emulator) prints what it said and exits 1.
try
{
    Invocation invocation = ArgumentParser.Parse(args);
    return invocation.Command switch
    {
        Command.Build => BuildCommand.Run(),
        Command.Run => RunCommand.Run(invocation.Boot),
        Command.Debug => DebugCommand.Run(invocation.Boot, invocation.Print),
        Command.Test => TestCommand.Run(),
        Command.Bench => BenchCommand.Run(),
        _ => ShowUsage(Console.Out, 0),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine("cosmos: " + e.Message);
    return ShowUsage(Console.Error, 2);
}
catch (HostException e)
{
    Console.Error.WriteLine("cosmos: " + e.Message);
    return 1;
}

static int ShowUsage(TextWriter writer, int exitCode)
{
    writer.Write(Usage.Text);
    return exitCode;
}
