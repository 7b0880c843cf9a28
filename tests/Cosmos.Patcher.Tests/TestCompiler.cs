using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Cosmos.Patcher.Tests
{
    // Compiles C# source files into a library with a portable PDB, optimised like the kernel build, against the running
    // framework's assemblies.
    static class TestCompiler
    {
        static readonly Lazy<MetadataReference[]> s_framework = new(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray());

        // Writes `<directory>/<name>.dll` and `.pdb` and returns the dll's path; compile errors fail the test.
        public static string Compile(string directory, string name, IEnumerable<string> sourceFiles,
                                     params string[] references)
        {
            var trees = sourceFiles.Select(path =>
                CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path), Encoding.UTF8), path: path));
            var compilation = CSharpCompilation.Create(name, trees,
                s_framework.Value.Concat(references.Select(path => MetadataReference.CreateFromFile(path))),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                    optimizationLevel: OptimizationLevel.Release, allowUnsafe: true, deterministic: true));
            string dll = Path.Combine(directory, name + ".dll"), pdb = Path.ChangeExtension(dll, ".pdb");
            using (FileStream peStream = File.Create(dll), pdbStream = File.Create(pdb))
            {
                var options = new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb,
                                              pdbFilePath: pdb);
                EmitResult result = compilation.Emit(peStream, pdbStream, options: options);
                if (!result.Success)
                    throw new InvalidOperationException($"{name} does not compile:\n" +
                        string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
            return dll;
        }
    }
}
