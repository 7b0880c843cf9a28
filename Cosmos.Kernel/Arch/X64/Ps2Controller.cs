namespace Cosmos.Kernel.Arch.X64
{
    // The i8042 PS/2 controller as the BIOS leaves it: the keyboard on its first port, scancodes translated to set 1
    // (ScancodeSet1), each one raising ISA IRQ 1.
    public static class Ps2Controller
    {
        public const byte KeyboardIsaIrq = 1;

        const ushort Data = 0x60, StatusAndCommand = 0x64;
        const byte OutputFull = 1 << 0, InputFull = 1 << 1;
        const byte WriteKeyboardOutput = 0xD2;

        // The byte waiting for the CPU (in the IRQ 1 handler: the scancode that raised it).
        public static byte ReadData() => Ports.Read8(Data);

        public static bool HasData => (Ports.Read8(StatusAndCommand) & OutputFull) != 0;

        // Has the controller deliver `scancode` as if the keyboard had sent it, IRQ 1 included (for tests).
        public static void InjectFromKeyboard(byte scancode)
        {
            WaitForInputEmpty();
            Ports.Write8(StatusAndCommand, WriteKeyboardOutput);
            WaitForInputEmpty();
            Ports.Write8(Data, scancode);
        }

        static void WaitForInputEmpty()
        {
            while ((Ports.Read8(StatusAndCommand) & InputFull) != 0) { }
        }
    }
}
