using System.Collections.Concurrent;

namespace Cosmos.System.Tests;

// The boot with `test`, once per emulator, shared by every fixture that reads its log: the kernel runs its own tests,
// then /bin/init runs the userland test programs, then the machine powers off.
public static class TestBoot
{
    static readonly ConcurrentDictionary<EmulatorKind, Lazy<BootResult>> s_runs = new();

    public static BootResult For(EmulatorKind emulator) => s_runs.GetOrAdd(emulator, kind =>
        new Lazy<BootResult>(() => HeadlessBoot.Run(new BootOptions { Emulator = kind, CommandLine = "test" }))).Value;
}
