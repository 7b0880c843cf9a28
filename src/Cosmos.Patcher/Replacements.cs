using System.Collections.Generic;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // Replaces each target method matched by a plug method: its body becomes a call to the plug.
    static class Replacements
    {
        // Returns the replaced target methods.
        public static IReadOnlyCollection<MethodDefinition> Apply(IEnumerable<PlugClass> plugs, ChangeSet changes,
                                                                  List<PlugDiagnostic> errors)
        {
            var replacedBy = new Dictionary<MethodDefinition, MethodDefinition>();
            foreach (PlugClass plug in plugs)
                foreach (MethodDefinition method in plug.Replacements)
                {
                    MethodDefinition? target = TargetMethodMatcher.Find(plug, method, errors);
                    if (target == null) continue;
                    if (replacedBy.TryGetValue(target, out MethodDefinition? first))
                    {
                        errors.Add(PlugErrors.PluggedTwice(method, first, MemberNames.Of(target)));
                        continue;
                    }
                    replacedBy.Add(target, method);
                    MethodBodies.Forward(target, method);
                    changes.AddUse(target.Module, method.Module);
                }
            return replacedBy.Keys;
        }
    }
}
