using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using static Cosmos.Patcher.MemberNames;

namespace Cosmos.Patcher
{
    // [PlugField]: gives each accessor the body that returns a reference to its target field, private or not.
    static class FieldAccessors
    {
        public static void Implement(IEnumerable<PlugClass> plugs, ChangeSet changes, List<PlugDiagnostic> errors)
        {
            foreach (PlugClass plug in plugs)
                foreach ((MethodDefinition accessor, string fieldName) in plug.FieldAccessors)
                {
                    FieldDefinition? field = plug.Target.Fields.FirstOrDefault(f => f.Name == fieldName);
                    string? problem = Problem(plug, accessor, fieldName, field);
                    if (problem != null)
                    {
                        errors.Add(PlugErrors.BadPlugField(accessor, problem));
                        continue;
                    }
                    MethodBodies.ReturnFieldAddress(accessor, accessor.Module.ImportReference(field), field!.IsStatic);
                    changes.AddUse(accessor.Module, field.Module);
                }
        }

        // What is wrong with the accessor for `fieldName`, if anything.
        static string? Problem(PlugClass plug, MethodDefinition accessor, string fieldName, FieldDefinition? field)
        {
            string self = ThisParameter.Describe(plug);
            if (!accessor.IsStatic || MethodBodies.HasImageBody(accessor) || accessor.ReturnType is not ByReferenceType
                || accessor.Parameters.Count > 1 || accessor.HasGenericParameters)
                return $"declare it 'static extern ref T {accessor.Name}()' for a static field, or " +
                       $"'static extern ref T {accessor.Name}({self} self)' for an instance field";
            if (field == null)
                return $"'{Of(plug.Target)}' has no field '{fieldName}' " +
                       $"(its fields: {string.Join(", ", plug.Target.Fields.Select(f => f.Name))})";
            if (field.IsStatic && accessor.Parameters.Count != 0)
                return $"'{fieldName}' is a static field, so the accessor takes no parameters";
            if (!field.IsStatic && accessor.Parameters.Count != 1)
                return $"'{fieldName}' is an instance field, so the accessor takes the instance as its only " +
                       $"parameter ({self})";
            if (!field.IsStatic && !ThisParameter.Accepts(plug, accessor.Parameters[0].ParameterType))
                return $"the instance parameter must be typed {self}, not {Of(accessor.Parameters[0].ParameterType)}";
            TypeReference returned = ((ByReferenceType)accessor.ReturnType).ElementType;
            if (!Signatures.SameType(returned, field.FieldType))
                return $"'{fieldName}' is of type {Of(field.FieldType)}, so the accessor must return " +
                       $"'ref {Of(field.FieldType)}', not 'ref {Of(returned)}'";
            return null;
        }
    }
}
