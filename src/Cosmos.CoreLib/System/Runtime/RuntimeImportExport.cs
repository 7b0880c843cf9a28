namespace System.Runtime
{
    // Exports a managed method under a fixed native symbol name (ILC emits it as a global symbol).
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry) { }
    }

    // Binds an extern method to a native symbol: ILC emits a plain direct call, resolved by the linker.
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string entry) { }
        public RuntimeImportAttribute(string dllName, string entry) { }
    }
}
