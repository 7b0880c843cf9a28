using System;
using Cosmos.Plugs;

namespace Cosmos.Userland.Runtime
{
    // Environment's command line and variables, which CoreLib leaves empty, come from the process's start block.
    [Plug(typeof(Environment))]
    static class EnvironmentPlug
    {
        public static string[] GetCommandLineArgs() => ProcessStart.Arguments();

        public static string GetEnvironmentVariable(string variable) => ProcessStart.EnvironmentVariable(variable);
    }
}
