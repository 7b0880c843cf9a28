using Mono.Cecil;

namespace Cosmos.Patcher
{
    // How a static plug method stands for an instance member of its target: its first parameter is `this`, typed as the
    // target (`ref Target` for a value type), or as `object` for a reference type that the plug names by string because
    // it may be unable to name it in C#.
    static class ThisParameter
    {
        public static bool Accepts(PlugClass plug, TypeReference parameterType)
        {
            TypeDefinition target = plug.Target;
            if (target.IsValueType)
                return parameterType is ByReferenceType byReference
                    && byReference.ElementType.FullName == target.FullName;
            return parameterType.FullName == target.FullName
                || (plug.TargetNamedByString && parameterType.FullName == "System.Object");
        }

        // The accepted types, for messages: "ref Ns.Point", "Ns.Widget", "Ns.Hidden or object".
        public static string Describe(PlugClass plug)
        {
            string name = MemberNames.Of(plug.Target);
            if (plug.Target.IsValueType) return "ref " + name;
            return plug.TargetNamedByString ? name + " or object" : name;
        }
    }
}
