using System;
using Cosmos.Userland.Runtime;

static class Program
{
    static int Main(string[] args)
    {
        string[] all = Environment.GetCommandLineArgs();
        Check.Equal(3, all.Length, "argc");
        Check.Equal("/tests/args", all.Length > 0 ? all[0] : null, "argv[0]");
        Check.Equal(2, args.Length, "Main's args");
        Check.Equal("first", args.Length > 0 ? args[0] : null, "args[0]");
        Check.Equal("second argument", args.Length > 1 ? args[1] : null, "args[1]");
        string[] environment = ProcessStart.Environment();
        Check.Equal(2, environment.Length, "envp entries");
        Check.Equal("COSMOS_TEST=1", environment.Length > 0 ? environment[0] : null, "envp[0]");
        Check.Equal("HOME=/", environment.Length > 1 ? environment[1] : null, "envp[1]");
        Check.Equal("1", Environment.GetEnvironmentVariable("COSMOS_TEST"), "COSMOS_TEST");
        Check.Equal("/", Environment.GetEnvironmentVariable("HOME"), "HOME");
        Check.True(Environment.GetEnvironmentVariable("HOM") == null, "a prefix of a name is not a variable");
        return Check.Result;
    }
}
