namespace System.Runtime.InteropServices
{
    public enum CharSet { None = 1, Ansi = 2, Unicode = 3, Auto = 4 }

    public enum LayoutKind { Sequential = 0, Explicit = 2, Auto = 3 }

    public enum CallingConvention { Winapi = 1, Cdecl = 2, StdCall = 3, ThisCall = 4, FastCall = 5 }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
    public sealed class StructLayoutAttribute : Attribute
    {
        public StructLayoutAttribute(LayoutKind layoutKind) { Value = layoutKind; }
        public LayoutKind Value { get; }
        public int Pack;
        public int Size;
        public CharSet CharSet;
    }

    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class FieldOffsetAttribute : Attribute
    {
        public FieldOffsetAttribute(int offset) { Value = offset; }
        public int Value { get; }
    }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class DllImportAttribute : Attribute
    {
        public DllImportAttribute(string dllName) { Value = dllName; }
        public string Value { get; }
        public string EntryPoint;
        public CallingConvention CallingConvention;
        public CharSet CharSet;
        public bool ExactSpelling;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class UnmanagedCallersOnlyAttribute : Attribute
    {
        public Type[] CallConvs;
        public string EntryPoint;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SuppressGCTransitionAttribute : Attribute { }

    public sealed class InAttribute : Attribute { }

    public sealed class OutAttribute : Attribute { }

    // ILC looks this type up unconditionally.
    public interface IDynamicInterfaceCastable
    {
        internal static IntPtr GetDynamicInterfaceImplementation(object instance, IntPtr interfaceType, ushort slot)
        {
            Environment.FailFast("IDynamicInterfaceCastable is not supported");
            return default;
        }
    }
}

namespace System.Runtime.InteropServices
{
    // Roslyn needs this type to express the `unmanaged` generic constraint.
    public enum UnmanagedType
    {
        Bool = 2, I1 = 3, U1 = 4, I2 = 5, U2 = 6, I4 = 7, U4 = 8, I8 = 9, U8 = 10, R4 = 11, R8 = 12,
    }
}
