using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Plugs
{
    // Marks `static extern ref T Accessor()` (a static field of the target) or `static extern ref T Accessor(Target
    // self)` (an instance field; `ref Target` for a value type): the patcher gives it a body that returns a reference
    // to the named field, private or not.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class PlugFieldAttribute : Attribute
    {
        public PlugFieldAttribute(string fieldName, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        {
        }
    }
}
