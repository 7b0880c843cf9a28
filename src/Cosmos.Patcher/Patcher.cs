using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // Applies every plug found in the assemblies of one image and writes them all, patched or not, to an output
    // directory. When any plug is in error, every error is reported and nothing is written. See docs/plugs.md.
    public static class Patcher
    {
        public static PatchResult Run(IReadOnlyList<string> assemblyPaths, string outputDirectory)
        {
            var errors = assemblyPaths.Where(path => WouldOverwrite(path, outputDirectory))
                .Select(path => PlugErrors.BadInput(path, "the output directory holds this input: it would be " +
                                                          "overwritten"))
                .ToList();
            if (errors.Count > 0) return new PatchResult(errors);

            using AssemblySet? assemblies = AssemblySet.Read(assemblyPaths, errors);
            if (assemblies == null) return new PatchResult(errors);
            List<PlugClass> plugs = PlugDiscovery.Find(assemblies, errors);
            var changes = new ChangeSet();
            ExposedMembers.AddFields(plugs, changes, errors);
            IReadOnlyCollection<MethodDefinition> replaced = Replacements.Apply(plugs, changes, errors);
            ExposedMembers.AddMethods(plugs, changes, errors);
            FieldAccessors.Implement(plugs, changes, errors);
            if (errors.Count > 0) return new PatchResult(errors);

            AccessChecks.Grant(changes);
            try
            {
                assemblies.Write(outputDirectory, changes.Modules);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(PlugErrors.BadInput(outputDirectory, "cannot write the patched assemblies: " + e.Message));
                return new PatchResult(errors);
            }
            int types = replaced.Select(method => method.DeclaringType).Distinct().Count();
            return new PatchResult(errors, replaced.Count, types);
        }

        static bool WouldOverwrite(string input, string outputDirectory)
            => Path.GetFullPath(input) == Path.GetFullPath(Path.Combine(outputDirectory, Path.GetFileName(input)));
    }
}
