namespace Cosmos.Kernel.Arch.X64
{
    // A 16550 UART (COM1 at 0x3F8): the kernel console. Writes are polled; input can raise its IRQ (ISA IRQ 4 for
    // COM1) for every byte received.
    public sealed class SerialPort
    {
        public const ushort Com1 = 0x3F8;

        const int Data = 0, InterruptEnable = 1, FifoControl = 2, LineControl = 3, ModemControl = 4, LineStatus = 5;
        public const byte Com1IsaIrq = 4;

        const byte DataReady = 1 << 0;
        const byte ReceivedDataInterrupt = 1 << 0;
        const byte Loopback = 1 << 4;
        const byte NormalModemControl = 0x0B;       // DTR, RTS, OUT2 (OUT2 gates the IRQ line on a PC)
        const byte TransmitHoldingEmpty = 1 << 5;
        const byte TransmitterEmpty = 1 << 6;

        readonly ushort _base;

        public SerialPort(ushort basePort)
        {
            _base = basePort;
            Ports.Write8((ushort)(_base + InterruptEnable), 0x00);
            Ports.Write8((ushort)(_base + LineControl), 0x80);   // divisor latch access
            Ports.Write8((ushort)(_base + Data), 0x01);          // divisor 1: 115200 baud
            Ports.Write8((ushort)(_base + InterruptEnable), 0x00);
            Ports.Write8((ushort)(_base + LineControl), 0x03);   // 8 data bits, no parity, 1 stop bit
            Ports.Write8((ushort)(_base + FifoControl), 0x07);   // FIFO on, cleared, interrupt at every byte
            Ports.Write8((ushort)(_base + ModemControl), NormalModemControl);
        }

        public void Write(byte value)
        {
            while ((Ports.Read8((ushort)(_base + LineStatus)) & TransmitHoldingEmpty) == 0) { }
            Ports.Write8((ushort)(_base + Data), value);
        }

        public bool TryRead(out byte value)
        {
            bool ready = (Ports.Read8((ushort)(_base + LineStatus)) & DataReady) != 0;
            value = ready ? Ports.Read8((ushort)(_base + Data)) : (byte)0;
            return ready;
        }

        public void EnableReceiveInterrupt() => Ports.Write8((ushort)(_base + InterruptEnable), ReceivedDataInterrupt);

        // In loopback mode what is written comes back as input (for tests); nothing reaches the line.
        public void SetLoopback(bool on)
            => Ports.Write8((ushort)(_base + ModemControl), (byte)(on ? NormalModemControl | Loopback : NormalModemControl));

        // Waits until the last byte has left the shift register: Bochs drops bytes still in the FIFO at power-off.
        public void Flush()
        {
            while ((Ports.Read8((ushort)(_base + LineStatus)) & TransmitterEmpty) == 0) { }
        }
    }
}
