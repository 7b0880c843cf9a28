using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // Finds the target method a replacement stands for: the same name, the same parameter and return types, and for an
    // instance method `this` as the first parameter (see ThisParameter).
    static class TargetMethodMatcher
    {
        // The method `method` replaces, or null after reporting why there is none.
        public static MethodDefinition? Find(PlugClass plug, MethodDefinition method, List<PlugDiagnostic> errors)
        {
            List<MethodDefinition> named = plug.Target.Methods
                .Where(m => m.Name == method.Name || IsConstructorNamed(m, method.Name)).ToList();
            List<MethodDefinition> matches = named.Where(m => Matches(plug, m, method)).ToList();
            if (matches.Count > 1)
            {
                errors.Add(PlugErrors.AmbiguousTarget(method, matches[0], matches[1]));
                return null;
            }
            // When every method of that name is one the patcher cannot plug, that is the more useful message.
            MethodDefinition? target = matches.Count == 1 ? matches[0]
                : named.Count > 0 && named.All(IsUnsupported) ? named[0]
                : null;
            if (target == null)
                errors.Add(PlugErrors.NoTargetMethod(plug, method, named));
            else if (Unsupported(target) is { } what)
                errors.Add(PlugErrors.UnsupportedTarget(method, MemberNames.Of(target), what));
            else
                return target;
            return null;
        }

        static bool Matches(PlugClass plug, MethodDefinition target, MethodDefinition method)
        {
            int first = target.HasThis ? 1 : 0;
            return Signatures.SameType(target.ReturnType, method.ReturnType)
                && method.Parameters.Count == target.Parameters.Count + first
                && (!target.HasThis || ThisParameter.Accepts(plug, method.Parameters[0].ParameterType))
                && Signatures.SameParameters(method.Parameters, first, target.Parameters);
        }

        // Constructors cannot be plugged; a plug method named Ctor or Cctor (Cosmos's old convention) is told so.
        static bool IsConstructorNamed(MethodDefinition target, string plugName)
            => target.IsConstructor && plugName == (target.IsStatic ? "Cctor" : "Ctor");

        static bool IsUnsupported(MethodDefinition method) => Unsupported(method) != null;

        static string? Unsupported(MethodDefinition method)
            => method.IsConstructor ? "a constructor"
             : method.HasGenericParameters ? "a generic method"
             : method.IsAbstract ? "an abstract method"
             : null;
    }
}
