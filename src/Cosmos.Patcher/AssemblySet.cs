using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cosmos.Patcher
{
    // The assemblies of one image (the kernel and everything it references), read together with their PDBs so that a
    // plug in one can target a type in another. References resolve only among them: nothing from the host's framework
    // can leak into a kernel image.
    sealed class AssemblySet : IAssemblyResolver
    {
        readonly List<(AssemblyDefinition Assembly, string Path)> _assemblies = new();
        readonly Dictionary<string, AssemblyDefinition> _byName = new(StringComparer.Ordinal);

        AssemblySet() { }

        public IEnumerable<ModuleDefinition> Modules => _assemblies.Select(entry => entry.Assembly.MainModule);

        // Reads every assembly, or returns null after reporting each one that cannot be read.
        public static AssemblySet? Read(IReadOnlyList<string> paths, List<PlugDiagnostic> errors)
        {
            var set = new AssemblySet();
            var parameters = new ReaderParameters
            {
                AssemblyResolver = set,
                InMemory = true,
                ReadSymbols = true,
                SymbolReaderProvider = new DefaultSymbolReaderProvider(throwIfNoSymbol: false),
            };
            foreach (string path in paths)
            {
                AssemblyDefinition? assembly = ReadOne(Path.GetFullPath(path), parameters, errors);
                if (assembly == null) continue;
                if (set._byName.TryGetValue(assembly.Name.Name, out AssemblyDefinition? twin))
                    errors.Add(PlugErrors.BadInput(path, $"a second assembly named '{assembly.Name.Name}' " +
                        $"(the first is {twin.MainModule.FileName}): pass each assembly once"));
                else
                    set._byName.Add(assembly.Name.Name, assembly);
                set._assemblies.Add((assembly, path));
            }
            if (errors.Count == 0) return set;
            set.Dispose();
            return null;
        }

        static AssemblyDefinition? ReadOne(string path, ReaderParameters parameters, List<PlugDiagnostic> errors)
        {
            try
            {
                return AssemblyDefinition.ReadAssembly(path, parameters);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                errors.Add(PlugErrors.BadInput(path, "no such assembly"));
            }
            catch (BadImageFormatException)
            {
                errors.Add(PlugErrors.BadInput(path, "not a .NET assembly"));
            }
            catch (SymbolsNotMatchingException)
            {
                errors.Add(PlugErrors.BadInput(path, "its .pdb was not built with it: rebuild the assembly"));
            }
            catch (IOException e)
            {
                errors.Add(PlugErrors.BadInput(path, "cannot be read: " + e.Message));
            }
            return null;
        }

        public AssemblyDefinition? Find(string name) => _byName.GetValueOrDefault(name);

        // Writes every assembly to `directory`: the changed ones through Cecil with a regenerated PDB, the others as
        // copies. Each output is newer than every input afterwards, which keeps the build's up-to-date check simple.
        public void Write(string directory, IReadOnlyCollection<ModuleDefinition> changed)
        {
            Directory.CreateDirectory(directory);
            foreach ((AssemblyDefinition assembly, string path) in _assemblies)
            {
                string output = Path.Combine(directory, Path.GetFileName(path));
                string symbols = Path.ChangeExtension(path, ".pdb");
                string outputSymbols = Path.ChangeExtension(output, ".pdb");
                if (File.Exists(outputSymbols)) File.Delete(outputSymbols);
                if (changed.Contains(assembly.MainModule))
                {
                    assembly.Write(output, new WriterParameters
                    {
                        WriteSymbols = assembly.MainModule.HasSymbols,
                        DeterministicMvid = true,
                    });
                    continue;
                }
                CopyAsNew(path, output);
                if (File.Exists(symbols)) CopyAsNew(symbols, outputSymbols);
            }
        }

        static void CopyAsNew(string source, string destination)
        {
            File.Copy(source, destination, overwrite: true);
            File.SetLastWriteTimeUtc(destination, DateTime.UtcNow);
        }

        public AssemblyDefinition Resolve(AssemblyNameReference name) => Resolve(name, new ReaderParameters());

        public AssemblyDefinition Resolve(AssemblyNameReference name, ReaderParameters parameters)
            => Find(name.Name) ?? throw new AssemblyResolutionException(name,
                new FileNotFoundException($"'{name.Name}' is not one of the assemblies given to the patcher"));

        public void Dispose()
        {
            foreach ((AssemblyDefinition assembly, _) in _assemblies) assembly.Dispose();
        }
    }
}
