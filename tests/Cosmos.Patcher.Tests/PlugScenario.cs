using System;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace Cosmos.Patcher.Tests
{
    // One test's assemblies, in a temporary directory: Target.dll (the code to plug) and Plugs.dll (the plug classes
    // plus src/Cosmos.Plugs's attribute sources, referencing Target), compiled from real files with PDBs, and the
    // patcher's output directory.
    sealed class PlugScenario : IDisposable
    {
        static readonly string[] s_attributeSources =
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Cosmos.Plugs"), "*.cs");

        public PlugScenario(string targetSource, string plugSource)
        {
            Root = Path.Combine(Path.GetTempPath(), "cosmos-patcher-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(InputDirectory);
            TargetSourcePath = Write("Target.cs", targetSource);
            PlugSourcePath = Write("Plugs.cs", plugSource);
            PlugSource = plugSource;
            TargetPath = TestCompiler.Compile(InputDirectory, "Target", new[] { TargetSourcePath });
            PlugsPath = TestCompiler.Compile(InputDirectory, "Plugs", s_attributeSources.Append(PlugSourcePath),
                TargetPath);
        }

        public string Root { get; }
        public string TargetSourcePath { get; }
        public string PlugSourcePath { get; }
        public string PlugSource { get; }
        public string TargetPath { get; }
        public string PlugsPath { get; }
        public string InputDirectory => Path.Combine(Root, "in");
        public string OutputDirectory => Path.Combine(Root, "out");

        public PatchResult Patch() => Patcher.Run(new[] { TargetPath, PlugsPath }, OutputDirectory);

        // Patches, and fails the test with the patcher's errors if there are any.
        public PatchResult PatchSuccessfully()
        {
            PatchResult result = Patch();
            if (!result.Succeeded)
                throw new InvalidOperationException("patching failed:\n" + string.Join("\n", result.Errors));
            return result;
        }

        public PatchedAssemblies Load() => new(OutputDirectory);

        // A patched assembly as Cecil reads it, with its PDB (Cecil throws if the PDB does not match).
        public AssemblyDefinition ReadPatched(string name)
            => AssemblyDefinition.ReadAssembly(Path.Combine(OutputDirectory, name + ".dll"),
                new ReaderParameters { ReadSymbols = true, InMemory = true });

        // The 1-based line of the plug source that contains `marker`.
        public int PlugLine(string marker)
        {
            string[] lines = PlugSource.Split('\n');
            int index = Array.FindIndex(lines, line => line.Contains(marker));
            if (index < 0 || Array.FindLastIndex(lines, line => line.Contains(marker)) != index)
                throw new ArgumentException($"'{marker}' must appear on exactly one line of the plug source");
            return index + 1;
        }

        string Write(string name, string source)
        {
            string path = Path.Combine(Root, name);
            File.WriteAllText(path, source);
            return path;
        }

        public void Dispose()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
    }
}
