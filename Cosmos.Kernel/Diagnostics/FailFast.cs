using System.Runtime;

namespace Cosmos.Kernel.Diagnostics
{
    static class FailFast
    {
        // Environment.FailFast and unhandled exceptions in the corelib end here.
        [RuntimeExport("cosmos_fail_fast")]
        static void OnFailFast(string message) => Panic.Halt("fail-fast: " + message);
    }
}
