using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cosmos.Patcher
{
    // [Expose]: adds plug-class fields and methods to the target type. A field moves: the target gets a field of the
    // same name, type and static-ness, and every use of the plug-class field is retargeted to it. A method stays, and
    // the target gets a method of that name that forwards to it.
    static class ExposedMembers
    {
        const FieldAttributes KeptFieldAttributes = FieldAttributes.FieldAccessMask | FieldAttributes.Static;
        const ParameterAttributes KeptParameterAttributes = ParameterAttributes.In | ParameterAttributes.Out;

        public static void AddFields(IEnumerable<PlugClass> plugs, ChangeSet changes, List<PlugDiagnostic> errors)
        {
            var moved = new Dictionary<FieldDefinition, FieldDefinition>();      // plug field -> target field
            var exposedBy = new Dictionary<FieldDefinition, FieldDefinition>();  // and back, to name the first of two
            foreach (PlugClass plug in plugs)
                foreach (FieldDefinition field in plug.ExposedFields)
                {
                    FieldDefinition? existing = plug.Target.Fields.FirstOrDefault(f => f.Name == field.Name);
                    if (existing != null)
                    {
                        errors.Add(exposedBy.TryGetValue(existing, out FieldDefinition? first)
                            ? PlugErrors.PluggedTwice(field, first, MemberNames.Of(existing))
                            : PlugErrors.AlreadyExists(field, plug.Target, $"a field '{field.Name}'",
                                "reach it through a [PlugField] accessor"));
                        continue;
                    }
                    if (IsInitialized(field))
                    {
                        errors.Add(PlugErrors.UnsupportedPlugMember(field, "an [Expose] field cannot have an " +
                            "initializer (its copy in the target starts zeroed): assign it from plug code instead"));
                        continue;
                    }
                    ModuleDefinition module = plug.Target.Module;
                    var added = new FieldDefinition(field.Name, field.Attributes & KeptFieldAttributes,
                        module.ImportReference(field.FieldType));
                    plug.Target.Fields.Add(added);
                    moved.Add(field, added);
                    exposedBy.Add(added, field);
                    changes.Changed(module);
                    changes.AddUse(field.Module, module);
                }
            Retarget(moved);
        }

        public static void AddMethods(IEnumerable<PlugClass> plugs, ChangeSet changes, List<PlugDiagnostic> errors)
        {
            var exposedBy = new Dictionary<MethodDefinition, MethodDefinition>();
            foreach (PlugClass plug in plugs)
                foreach (MethodDefinition method in plug.ExposedMethods)
                {
                    bool instance = method.Parameters.Count > 0
                        && ThisParameter.Accepts(plug, method.Parameters[0].ParameterType);
                    MethodDefinition? existing = plug.Target.Methods.FirstOrDefault(m => m.Name == method.Name
                        && m.HasThis == instance
                        && Signatures.SameParameters(method.Parameters, instance ? 1 : 0, m.Parameters));
                    if (existing != null)
                    {
                        errors.Add(exposedBy.TryGetValue(existing, out MethodDefinition? first)
                            ? PlugErrors.PluggedTwice(method, first, MemberNames.Of(existing))
                            : PlugErrors.AlreadyExists(method, plug.Target,
                                $"the method '{MemberNames.Signature(existing)}'",
                                "replace it with a non-private static plug method"));
                        continue;
                    }
                    exposedBy.Add(ForwardingCopy(method, plug.Target, instance), method);
                    changes.AddUse(plug.Target.Module, method.Module);
                }
        }

        // Adds to `target` a method named like `method`, minus its `this` parameter if `instance`, forwarding to it.
        static MethodDefinition ForwardingCopy(MethodDefinition method, TypeDefinition target, bool instance)
        {
            ModuleDefinition module = target.Module;
            MethodAttributes attributes = (method.Attributes & MethodAttributes.MemberAccessMask)
                | MethodAttributes.HideBySig | (instance ? 0 : MethodAttributes.Static);
            var added = new MethodDefinition(method.Name, attributes, module.ImportReference(method.ReturnType))
            {
                HasThis = instance,
            };
            foreach (ParameterDefinition parameter in method.Parameters.Skip(instance ? 1 : 0))
                added.Parameters.Add(new ParameterDefinition(parameter.Name,
                    parameter.Attributes & KeptParameterAttributes, module.ImportReference(parameter.ParameterType)));
            target.Methods.Add(added);
            MethodBodies.Forward(added, method);
            return added;
        }

        // Whether a constructor of the plug class assigns the field: that initializer would never reach the target.
        static bool IsInitialized(FieldDefinition field)
            => field.DeclaringType.Methods.Where(m => m.IsConstructor && MethodBodies.HasImageBody(m))
                .SelectMany(m => m.Body.Instructions)
                .Any(i => (i.OpCode == OpCodes.Stsfld || i.OpCode == OpCodes.Stfld) && i.Operand == field);

        // Points every use of a moved plug field (anywhere in its assembly) at the target's field, then removes it.
        static void Retarget(Dictionary<FieldDefinition, FieldDefinition> moved)
        {
            foreach (ModuleDefinition module in moved.Keys.Select(field => field.Module).Distinct())
            {
                IEnumerable<Instruction> code = module.GetTypes().SelectMany(type => type.Methods)
                    .Where(MethodBodies.HasImageBody).SelectMany(method => method.Body.Instructions);
                foreach (Instruction instruction in code)
                    if (instruction.Operand is FieldDefinition field && moved.TryGetValue(field, out var target))
                        instruction.Operand = module.ImportReference(target);
            }
            foreach (FieldDefinition field in moved.Keys) field.DeclaringType.Fields.Remove(field);
        }
    }
}
