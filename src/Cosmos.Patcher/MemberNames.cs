using System.Linq;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // How diagnostics name types and members: full metadata type names, nested types joined with '.' as in C#.
    static class MemberNames
    {
        public static string Of(TypeReference type) => type.FullName.Replace('/', '.');

        public static string Of(TypeDefinition type) => Of((TypeReference)type);

        public static string Of(IMemberDefinition member)
            => member switch
            {
                TypeDefinition type => Of(type),
                MethodDefinition method => $"{Of(method.DeclaringType)}.{method.Name}({Parameters(method, 0)})",
                _ => $"{Of(member.DeclaringType)}.{member.Name}",
            };

        // "static System.Int32 Parse(System.String)": one overload in a list of them.
        public static string Signature(MethodDefinition method)
            => $"{(method.IsStatic ? "static " : "")}{Of(method.ReturnType)} {method.Name}({Parameters(method, 0)})";

        // The parameter types from index `first` on.
        public static string Parameters(MethodDefinition method, int first)
            => string.Join(", ", method.Parameters.Skip(first).Select(parameter => Of(parameter.ParameterType)));
    }
}
