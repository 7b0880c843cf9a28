namespace Cosmos.Kernel.Arch.X64
{
    // Turns the machine off: QEMU's isa-debug-exit, then Bochs's shutdown port, then ACPI S5.
    // Callers flush the console first: output still in the UART is lost.
    public static class Power
    {
        const ushort QemuDebugExitPort = 0xF4;
        const ushort BochsShutdownPort = 0x8900;

        public static void Off()
        {
            Ports.Write8(QemuDebugExitPort, 0x10);            // QEMU exits with status (0x10 << 1) | 1 = 33
            string bochsCommand = "Shutdown";
            for (int i = 0; i < bochsCommand.Length; i++) Ports.Write8(BochsShutdownPort, (byte)bochsCommand[i]);
            Cpu.Halt();
        }
    }
}
