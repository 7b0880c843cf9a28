using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using static Cosmos.Patcher.MemberNames;

namespace Cosmos.Patcher
{
    // Every error the patcher reports, with its code. Each names the plug member at fault (and its file and line) and
    // says what to do. docs/plugs.md lists the codes.
    static class PlugErrors
    {
        // COSMOS100: the patcher's own input or output (command line, unreadable assembly, failed write).
        public static PlugDiagnostic BadInput(string path, string message)
            => new("COSMOS100", new SourceLocation(path), message);

        public static PlugDiagnostic TargetTypeNotFound(TypeDefinition plug, string target, string reason)
            => At(plug, "COSMOS101", $"[Plug] class '{Of(plug)}' targets '{target}', which was not found: {reason}");

        public static PlugDiagnostic NoTargetMethod(PlugClass plug, MethodDefinition method,
                                                    IReadOnlyList<MethodDefinition> sameName)
        {
            string start = $"'{Of(method)}' replaces nothing: '{Of(plug.Target)}' has no ";
            string helper = "or make the method private if it is a helper";
            if (sameName.Count == 0)
                return At(method, "COSMOS102", start + $"method named '{method.Name}'. Fix the name, {helper}");
            string returns = Of(method.ReturnType);
            string wanted = $"static method {returns} {method.Name}({Parameters(method, 0)})";
            if (method.Parameters.Count > 0 && ThisParameter.Accepts(plug, method.Parameters[0].ParameterType))
                wanted += $" or instance method {returns} {method.Name}({Parameters(method, 1)})";
            string overloads = string.Join("; ", sameName.Select(Signature));
            return At(method, "COSMOS102",
                start + $"{wanted}; its methods named '{method.Name}' are: {overloads}. " +
                "Match one exactly (an instance method's 'this' is the first parameter, typed " +
                $"{ThisParameter.Describe(plug)}), {helper}");
        }

        public static PlugDiagnostic AmbiguousTarget(MethodDefinition method, MethodDefinition first,
                                                     MethodDefinition second)
            => At(method, "COSMOS102",
                $"'{Of(method)}' matches both '{Signature(first)}' and '{Signature(second)}' of " +
                $"'{Of(first.DeclaringType)}': its first parameter may or may not be 'this', so the patcher cannot " +
                "tell which one it replaces");

        public static PlugDiagnostic PluggedTwice(IMemberDefinition plug, IMemberDefinition firstPlug, string member)
            => At(plug, "COSMOS103",
                $"'{member}' is plugged twice: by '{Of(firstPlug)}' ({SourceLocator.Of(firstPlug)}) and by " +
                $"'{Of(plug)}'. Keep one of them");

        public static PlugDiagnostic BadPlugField(MethodDefinition accessor, string problem)
            => At(accessor, "COSMOS104", $"[PlugField] accessor '{Of(accessor)}': {problem}");

        // `existing` describes the member, `instead` what to do with it.
        public static PlugDiagnostic AlreadyExists(IMemberDefinition exposed, TypeDefinition target, string existing,
                                                   string instead)
            => At(exposed, "COSMOS105",
                $"[Expose] '{Of(exposed)}': '{Of(target)}' already has {existing}: {instead} instead");

        public static PlugDiagnostic UnsupportedTarget(IMemberDefinition plug, string target, string what)
            => At(plug, "COSMOS106",
                $"'{Of(plug)}' targets '{target}', {what}: generic methods, methods of generic types, abstract " +
                "methods and constructors cannot be plugged. Plug the non-generic methods it calls, or its callers");

        public static PlugDiagnostic NoReplacements(PlugClass plug)
            => At(plug.Type, "COSMOS107",
                $"[Plug] class '{Of(plug.Type)}' does nothing to '{Of(plug.Target)}': it has no non-private " +
                "static method, [PlugField] accessor or [Expose] member. Make its replacement methods non-private, " +
                "or remove the class");

        // COSMOS108: a plug member of a kind the rules do not allow.
        public static PlugDiagnostic UnsupportedPlugMember(IMemberDefinition member, string problem)
            => At(member, "COSMOS108", $"'{Of(member)}': {problem}");

        static PlugDiagnostic At(IMemberDefinition member, string code, string message)
            => new(code, SourceLocator.Of(member), message + ".");
    }
}
