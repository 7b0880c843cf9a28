using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Plugs
{
    // Marks a class whose members replace members of the target type (see docs/plugs.md). Name the target with
    // typeof, or, when the plug cannot name it in C# (an internal CoreLib type), as "Namespace.Type, Assembly" with '+'
    // before a nested type's name. The caller-info parameters let the patcher report errors at this line.
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class PlugAttribute : Attribute
    {
        public PlugAttribute(Type target, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) { }

        public PlugAttribute(string targetName, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) { }
    }
}
