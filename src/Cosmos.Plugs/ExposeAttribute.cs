using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Plugs
{
    // Adds this plug-class field or method to the target type, which must not have it yet.
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Method, Inherited = false)]
    public sealed class ExposeAttribute : Attribute
    {
        public ExposeAttribute([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) { }
    }
}
