using System.Collections.Generic;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // A [Plug] class with its target type and its members sorted by role (docs/plugs.md has the rules).
    sealed class PlugClass
    {
        public PlugClass(TypeDefinition type, TypeDefinition target, bool targetNamedByString)
        {
            Type = type;
            Target = target;
            TargetNamedByString = targetNamedByString;
        }

        public TypeDefinition Type { get; }
        public TypeDefinition Target { get; }
        public bool TargetNamedByString { get; }

        // Non-private static methods: each replaces the target method of the same name and signature.
        public List<MethodDefinition> Replacements { get; } = new();
        public List<(MethodDefinition Accessor, string FieldName)> FieldAccessors { get; } = new();
        public List<FieldDefinition> ExposedFields { get; } = new();
        public List<MethodDefinition> ExposedMethods { get; } = new();

        public bool DoesNothing
            => Replacements.Count + FieldAccessors.Count + ExposedFields.Count + ExposedMethods.Count == 0;
    }
}
