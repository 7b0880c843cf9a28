using Cosmos.Kernel.Arch.X64;

namespace Cosmos.Kernel.Diagnostics
{
    public static class Panic
    {
        public static void Halt(string message)
        {
            Cpu.DisableInterrupts();
            KernelLog.WriteLine("PANIC: " + message);
            Power.Off();
        }
    }
}
