using System;
using Cosmos.Userland.Runtime;

static class Program
{
    static void Main()
    {
        string[] arguments = Environment.GetCommandLineArgs();
        Console.WriteLine("argc " + arguments.Length.ToString());
        for (int i = 0; i < arguments.Length; i++) Console.WriteLine("argv[" + i.ToString() + "] " + arguments[i]);
        string[] environment = ProcessStart.Environment();
        for (int i = 0; i < environment.Length; i++) Console.WriteLine("envp[" + i.ToString() + "] " + environment[i]);
    }
}
