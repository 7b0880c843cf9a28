using System.Runtime;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;

namespace System
{
    public static class Environment
    {
        // Whoever links this corelib (the kernel, or the user-mode runtime) provides the symbol: it reports the
        // message and never returns. Keeping it a link-time import keeps the corelib below every other layer.
        [RuntimeImport("cosmos_fail_fast")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void FailFastCore(string message);

        [DoesNotReturn]
        public static void FailFast(string message)
        {
            FailFastCore(message);
            while (true) { }
        }

        public static string NewLine => "\n";
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class DoesNotReturnAttribute : Attribute { }
}
