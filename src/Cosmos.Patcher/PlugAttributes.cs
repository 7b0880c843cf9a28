using System.Linq;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // The attributes of src/Cosmos.Plugs, known by full name so that any assembly may define them: the kernel
    // references Cosmos.Plugs, the host tests compile the same source files into their own assemblies.
    static class PlugAttributes
    {
        public const string Plug = "Cosmos.Plugs.PlugAttribute";
        public const string PlugField = "Cosmos.Plugs.PlugFieldAttribute";
        public const string Expose = "Cosmos.Plugs.ExposeAttribute";

        static readonly string[] s_all = { Plug, PlugField, Expose };

        public static CustomAttribute? Find(ICustomAttributeProvider member, string fullName)
            => member.HasCustomAttributes
                ? member.CustomAttributes.FirstOrDefault(attribute => attribute.AttributeType.FullName == fullName)
                : null;

        // Whether the module can hold plug classes at all: it uses or defines [Plug]. Spares a walk over the corelib.
        public static bool AreUsedBy(ModuleDefinition module)
            => module.GetType(Plug) != null || module.GetTypeReferences().Any(type => type.FullName == Plug);

        // The first constructor argument: [Plug]'s target, [PlugField]'s field name.
        public static object FirstArgument(CustomAttribute attribute) => attribute.ConstructorArguments[0].Value;

        // The line of the member's plug attribute, which the C# compiler passes to the attribute's trailing
        // [CallerFilePath] and [CallerLineNumber] parameters: how a field, a class or an extern accessor is located.
        public static SourceLocation? CallerLocation(ICustomAttributeProvider member)
        {
            foreach (string name in s_all)
            {
                CustomAttribute? attribute = Find(member, name);
                if (attribute == null || attribute.ConstructorArguments.Count < 2) continue;
                var arguments = attribute.ConstructorArguments;
                if (arguments[^2].Value is string { Length: > 0 } file && arguments[^1].Value is int line and > 0)
                    return new SourceLocation(file, line);
            }
            return null;
        }
    }
}
