using Cosmos.Kernel.Arch.X64.Acpi;

namespace Cosmos.Kernel.Arch.X64
{
    // Turns the machine off: QEMU's isa-debug-exit device, then Bochs's shutdown port, then ACPI S5 (real machines and
    // emulators without those devices). Callers flush the console first: output still in the UART is lost.
    public static class Power
    {
        const ushort QemuDebugExitPort = 0xF4;
        const ushort BochsShutdownPort = 0x8900;
        const ushort SleepEnable = 1 << 13;

        static AcpiSleep s_softOff;

        public static void UseAcpi(AcpiSleep softOff) { s_softOff = softOff; }

        public static void Off()
        {
            Ports.Write8(QemuDebugExitPort, 0x10);            // QEMU exits with status (0x10 << 1) | 1 = 33
            string bochsCommand = "Shutdown";
            for (int i = 0; i < bochsCommand.Length; i++) Ports.Write8(BochsShutdownPort, (byte)bochsCommand[i]);
            if (s_softOff.IsAvailable)
            {
                Ports.Write16(s_softOff.Pm1aControlPort, (ushort)(s_softOff.SleepTypeA << 10 | SleepEnable));
                if (s_softOff.Pm1bControlPort != 0)
                    Ports.Write16(s_softOff.Pm1bControlPort, (ushort)(s_softOff.SleepTypeB << 10 | SleepEnable));
            }
            Cpu.Halt();
        }
    }
}
