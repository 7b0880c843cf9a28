using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cosmos.Patcher
{
    // Keeps patched IL valid on CoreCLR, where the host tests run it: an assembly whose IL now uses another assembly's
    // (maybe non-public) members gets [assembly: IgnoresAccessChecksTo("Other")], which CoreCLR honours by name, with
    // its own definition of the attribute. ILC does not check accessibility and ignores the attribute.
    static class AccessChecks
    {
        const string Namespace = "System.Runtime.CompilerServices", Name = "IgnoresAccessChecksToAttribute";

        public static void Grant(ChangeSet changes)
        {
            foreach (var uses in changes.CrossModuleUses.GroupBy(use => use.From))
            {
                MethodReference constructor = AttributeConstructor(uses.Key);
                foreach (string accessed in uses.Select(use => use.To.Assembly.Name.Name).Distinct())
                {
                    var attribute = new CustomAttribute(constructor);
                    attribute.ConstructorArguments.Add(new(uses.Key.TypeSystem.String, accessed));
                    uses.Key.Assembly.CustomAttributes.Add(attribute);
                }
            }
        }

        // The module's IgnoresAccessChecksToAttribute(string) constructor, defining the (internal) type if needed.
        static MethodReference AttributeConstructor(ModuleDefinition module)
        {
            TypeDefinition? type = module.GetType(Namespace, Name);
            if (type != null) return type.Methods.First(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 1);

            // A corelib defines System.Attribute itself; any other module reaches it through its corelib reference.
            TypeReference attribute = module.TypeSystem.CoreLibrary == module
                ? module.GetType("System", "Attribute")
                : new TypeReference("System", "Attribute", module, module.TypeSystem.CoreLibrary);
            type = new TypeDefinition(Namespace, Name,
                TypeAttributes.NotPublic | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit, attribute);
            var constructor = new MethodDefinition(".ctor", MethodAttributes.Public | MethodAttributes.HideBySig
                | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName, module.TypeSystem.Void);
            constructor.Parameters.Add(new ParameterDefinition("assemblyName", ParameterAttributes.None,
                module.TypeSystem.String));
            ILProcessor il = constructor.Body.GetILProcessor();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, new MethodReference(".ctor", module.TypeSystem.Void, attribute) { HasThis = true });
            il.Emit(OpCodes.Ret);
            type.Methods.Add(constructor);
            module.Types.Add(type);
            return constructor;
        }
    }
}
