using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests
{
    static class SmokeTests
    {
        [KernelTest]
        internal static void Arithmetic() => Assert.Equal(42, 6 * 7, "6 * 7");
    }
}
