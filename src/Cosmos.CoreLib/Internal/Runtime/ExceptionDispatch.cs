using System;
using System.Runtime;

namespace Internal.Runtime
{
    // `throw` compiles to RhpThrowEx. There is no unwinder over ILC's EH tables yet, so no catch or finally runs:
    // an exception is fatal and reported with its message (the kernel's fail-fast prints a stack trace).
    internal static class ExceptionDispatch
    {
        [RuntimeExport("RhpThrowEx")]
        static void RhpThrowEx(object exception)
        {
            Exception e = exception as Exception;
            Environment.FailFast(e == null ? "unhandled exception: thrown object is not an Exception" : "unhandled exception: " + e.Message);
        }

        [RuntimeExport("RhpRethrow")]
        static void RhpRethrow() => Environment.FailFast("unhandled exception (rethrown)");

        [RuntimeExport("RhpFallbackFailFast")]
        static void RhpFallbackFailFast() => Environment.FailFast("runtime fail-fast");
    }
}
