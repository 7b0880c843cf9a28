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

        // Plug points: an image with a command line and environment (the user runtime) provides them; the kernel has
        // neither.
        public static string[] GetCommandLineArgs() => Array.Empty<string>();

        public static string GetEnvironmentVariable(string variable) => null;
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class DoesNotReturnAttribute : Attribute { }
}
