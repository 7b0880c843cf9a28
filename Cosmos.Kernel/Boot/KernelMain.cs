using System.Runtime;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics;

namespace Cosmos.Kernel.Boot
{
    public static unsafe class KernelMain
    {
        // Called by boot.asm in long mode, on the boot stack, after the runtime has set up statics.
        [RuntimeExport("cosmos_kernel_main")]
        static void Main(ulong multibootInfoPhysical, ulong loadBasePhysical)
        {
            KernelLog.Initialize(new SerialPort(SerialPort.Com1));
            KernelLog.WriteLine("CosmosOS booting");
            KernelLog.WriteLine("load base " + loadBasePhysical.ToString("X") + ", multiboot info " + multibootInfoPhysical.ToString("X"));
            Diagnostics.Testing.TestRunner.RunAll();
            Power.Off();
        }
    }
}
