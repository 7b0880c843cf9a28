using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // Finds the [Plug] classes of every assembly, resolves their target types and sorts their members by role:
    // [PlugField] accessors, [Expose] members, and replacements (every other non-private static method).
    static class PlugDiscovery
    {
        const string NameFormat = "\"Namespace.Type, Assembly\", with '+' before a nested type's name";

        public static List<PlugClass> Find(AssemblySet assemblies, List<PlugDiagnostic> errors)
        {
            var plugs = new List<PlugClass>();
            foreach (ModuleDefinition module in assemblies.Modules.Where(PlugAttributes.AreUsedBy))
                foreach (TypeDefinition type in module.GetTypes())
                {
                    CustomAttribute? attribute = PlugAttributes.Find(type, PlugAttributes.Plug);
                    if (attribute == null) continue;
                    PlugClass? plug = Describe(type, PlugAttributes.FirstArgument(attribute), assemblies, errors);
                    if (plug != null) plugs.Add(plug);
                }
            return plugs;
        }

        // `target` is [Plug]'s argument: a type (typeof) or its name.
        static PlugClass? Describe(TypeDefinition type, object target, AssemblySet assemblies,
                                   List<PlugDiagnostic> errors)
        {
            string? name = target as string;
            TypeDefinition? targetType = name != null
                ? FindByName(type, name, assemblies, errors)
                : FindByReference(type, (TypeReference)target, assemblies, errors);
            if (targetType == null) return null;
            if (targetType.HasGenericParameters || target is GenericInstanceType)
            {
                string shown = name ?? MemberNames.Of((TypeReference)target);
                errors.Add(PlugErrors.UnsupportedTarget(type, shown, "a generic type"));
                return null;
            }
            var plug = new PlugClass(type, targetType, targetNamedByString: name != null);
            int errorsBefore = errors.Count;
            SortMembers(plug, errors);
            if (plug.DoesNothing && errors.Count == errorsBefore) errors.Add(PlugErrors.NoReplacements(plug));
            return plug;
        }

        // [Plug(typeof(T))]: the compiler stored T's name and assembly.
        static TypeDefinition? FindByReference(TypeDefinition plug, TypeReference target, AssemblySet assemblies,
                                               List<PlugDiagnostic> errors)
        {
            if (target is GenericInstanceType generic) target = generic.ElementType;
            if (target is TypeDefinition definition) return definition;
            string assembly = target.Scope is ModuleDefinition module ? module.Assembly.Name.Name : target.Scope.Name;
            return FindIn(plug, assembly, target.FullName, MemberNames.Of(target), assemblies, errors);
        }

        // [Plug("Namespace.Type+Nested, Assembly")].
        static TypeDefinition? FindByName(TypeDefinition plug, string name, AssemblySet assemblies,
                                          List<PlugDiagnostic> errors)
        {
            string[] parts = name.Split(',');
            if (parts.Length < 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                errors.Add(PlugErrors.TargetTypeNotFound(plug, name, "write the name as " + NameFormat));
                return null;
            }
            return FindIn(plug, parts[1].Trim(), parts[0].Trim().Replace('+', '/'), name, assemblies, errors);
        }

        // `fullName` as Cecil writes it ('/' before a nested type's name); `shownName` as the plug wrote it.
        static TypeDefinition? FindIn(TypeDefinition plug, string assemblyName, string fullName, string shownName,
                                      AssemblySet assemblies, List<PlugDiagnostic> errors)
        {
            AssemblyDefinition? assembly = assemblies.Find(assemblyName);
            TypeDefinition? type = assembly?.MainModule.GetType(fullName);
            if (type != null) return type;
            errors.Add(PlugErrors.TargetTypeNotFound(plug, shownName, assembly == null
                ? $"the assembly '{assemblyName}' is not one of the assemblies given to the patcher (a kernel build " +
                  "gives it every assembly the kernel references)"
                : $"the assembly '{assemblyName}' has no type '{fullName.Replace('/', '+')}' " +
                  $"(write the name as {NameFormat})"));
            return null;
        }

        static void SortMembers(PlugClass plug, List<PlugDiagnostic> errors)
        {
            foreach (MethodDefinition method in plug.Type.Methods)
            {
                if (method.IsConstructor || method.Name.StartsWith('<')) continue;   // '<': compiler-generated
                CustomAttribute? field = PlugAttributes.Find(method, PlugAttributes.PlugField);
                bool exposed = PlugAttributes.Find(method, PlugAttributes.Expose) != null;
                if (field != null)
                    plug.FieldAccessors.Add((method, (string)PlugAttributes.FirstArgument(field)));
                else if (exposed && method.IsStatic && !method.HasGenericParameters)
                    plug.ExposedMethods.Add(method);
                else if (exposed)
                    errors.Add(PlugErrors.UnsupportedPlugMember(method, "an [Expose] method must be static and not " +
                        "generic (for an instance method of the target, make 'this' the first parameter)"));
                else if (method.IsStatic && !method.IsPrivate)
                    plug.Replacements.Add(method);
            }
            plug.ExposedFields.AddRange(plug.Type.Fields
                .Where(field => PlugAttributes.Find(field, PlugAttributes.Expose) != null));
        }
    }
}
