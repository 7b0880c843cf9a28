namespace Cosmos.Kernel.Diagnostics.Testing
{
    // The body of RunAll is generated at build time (Cosmos.Build.Generators/KernelTestRegistryGenerator):
    // one runner.Run(name, &Method) per [KernelTest] method in the compilation.
    internal static partial class RegisteredTests
    {
        internal static partial void RunAll(TestRunner runner);
    }
}
