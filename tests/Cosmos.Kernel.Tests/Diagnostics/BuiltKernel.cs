using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Cosmos.Emulation;

namespace Cosmos.Kernel.Tests.Diagnostics
{
    // The files `dotnet build Cosmos.Kernel` writes (kernel.elf, kernel.sym), for tests that check the real build.
    // KernelBuild builds the kernel first (once per test run, one build at a time across the test projects).
    public static class BuiltKernel
    {
        public static string Find(string fileName) => Path.Combine(KernelBuild.OutputDirectory, fileName);

        // kernel.sym's "<hex address> <name>" lines, parsed independently of the kernel's SymbolTable.
        public static List<(ulong Address, string Name)> ReadSymbolFile(string path) =>
            File.ReadAllLines(path)
                .Select(line => line.Split(' ', 2))
                .Where(parts => parts.Length == 2)
                .Select(parts => (ulong.Parse(parts[0], NumberStyles.HexNumber), parts[1]))
                .ToList();
    }
}
