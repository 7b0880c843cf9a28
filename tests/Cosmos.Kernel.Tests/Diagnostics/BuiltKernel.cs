using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Diagnostics
{
    // The files `dotnet build Cosmos.Kernel` writes (kernel.elf, kernel.sym), for tests that check the real build. The
    // test project builds the kernel first, so a missing file is a failure.
    public static class BuiltKernel
    {
        public static string Find(string fileName)
        {
            // The test assembly is in tests/Cosmos.Kernel.Tests/bin/<configuration>/<framework>: walk up to the
            // repository, then down to the kernel's own output.
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory != null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "Cosmos.Kernel", "bin", "Debug", "net10.0", fileName);
                if (File.Exists(candidate)) return candidate;
                if (File.Exists(Path.Combine(directory.FullName, "Cosmos.Kernel", "Cosmos.Kernel.csproj"))) break;
            }
            Assert.Fail($"Cosmos.Kernel/bin/Debug/net10.0/{fileName} is absent: the kernel build (a reference of this project) did not write it");
            return null;
        }

        // kernel.sym's "<hex address> <name>" lines, parsed independently of the kernel's SymbolTable.
        public static List<(ulong Address, string Name)> ReadSymbolFile(string path) =>
            File.ReadAllLines(path)
                .Select(line => line.Split(' ', 2))
                .Where(parts => parts.Length == 2)
                .Select(parts => (ulong.Parse(parts[0], NumberStyles.HexNumber), parts[1]))
                .ToList();
    }
}
