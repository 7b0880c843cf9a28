using System;

namespace Cosmos.Kernel.Diagnostics.Testing
{
    // Marks a static, parameterless, void method as an in-kernel test. The build's source generator registers every
    // such method with the test runner, and the system tests turn each into an NUnit test case per emulator.
    // The test's name is "<declaring type>.<method>".
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class KernelTestAttribute : Attribute
    {
    }
}
