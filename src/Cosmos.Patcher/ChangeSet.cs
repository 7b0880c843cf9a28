using System.Collections.Generic;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // What patching changed: the modules to write, and which module's IL now uses members of which other module (maybe
    // non-public ones), for AccessChecks.
    sealed class ChangeSet
    {
        readonly HashSet<ModuleDefinition> _modules = new();
        readonly HashSet<(ModuleDefinition From, ModuleDefinition To)> _uses = new();

        public IReadOnlyCollection<ModuleDefinition> Modules => _modules;
        public IReadOnlyCollection<(ModuleDefinition From, ModuleDefinition To)> CrossModuleUses => _uses;

        public void Changed(ModuleDefinition module) => _modules.Add(module);

        // `from` got IL that uses members of `to`.
        public void AddUse(ModuleDefinition from, ModuleDefinition to)
        {
            _modules.Add(from);
            if (from != to) _uses.Add((from, to));
        }
    }
}
