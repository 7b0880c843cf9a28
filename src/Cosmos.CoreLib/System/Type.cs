namespace System
{
    public abstract class Type
    {
    }

    // The JIT asks for this class (CLASSID_RUNTIME_TYPE) while compiling ordinary code.
    internal sealed class RuntimeType : Type
    {
    }

    public struct RuntimeTypeHandle { }

    public struct RuntimeMethodHandle { }

    public struct RuntimeFieldHandle { }
}

namespace System.Reflection
{
    public sealed class DefaultMemberAttribute : Attribute
    {
        public DefaultMemberAttribute(string memberName) { MemberName = memberName; }
        public string MemberName { get; }
    }
}
