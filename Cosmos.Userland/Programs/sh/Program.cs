using System;
using Cosmos.Userland.Runtime;

// The shell: reads a line at the "$ " prompt, runs a builtin or a program, and again, until `exit` or the end of input.
static class Program
{
    static readonly string[] ProgramEnvironment = { "HOME=/" };

    static int Main()
    {
        while (true)
        {
            Console.Write("$ ");
            string line = Console.ReadLine();
            if (line == null) return 0;
            string[] words = CommandLine.Split(line);
            if (words.Length == 0) continue;
            if (words[0] == "exit") return words.Length > 1 ? Number(words[1]) : 0;
            if (!Builtins.TryRun(words)) RunProgram(words);
        }
    }

    static void RunProgram(string[] words)
    {
        string path = Resolve(words[0]);
        if (path == null)
        {
            Console.WriteLine("sh: " + words[0] + ": not found");
            return;
        }
        words[0] = path;
        long pid = Process.Spawn(path, words, ProgramEnvironment);
        if (pid < 0)
        {
            Console.WriteLine("sh: " + path + ": cannot start: error " + (-pid).ToString());
            return;
        }
        Process.Wait((int)pid, out WaitStatus status);
        if (status.Raw != 0) Console.WriteLine(status.ToString());
    }

    // A name without '/' is looked for in /bin, then /tests.
    static string Resolve(string name)
    {
        if (name.Contains('/')) return FileSystem.Exists(name, out bool directory) && !directory ? name : null;
        foreach (string folder in new[] { "/bin/", "/tests/" })
            if (FileSystem.Exists(folder + name, out bool isDirectory) && !isDirectory) return folder + name;
        return null;
    }

    static int Number(string text)
    {
        int value = 0;
        foreach (char c in text)
        {
            if (c < '0' || c > '9') return 1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
