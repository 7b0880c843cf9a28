namespace Cosmos.Kernel.Arch.X64
{
    // A 16550 UART (COM1 at 0x3F8): the kernel console. Polled; interrupts come with the interrupt-controller work.
    public sealed class SerialPort
    {
        public const ushort Com1 = 0x3F8;

        const int Data = 0, InterruptEnable = 1, FifoControl = 2, LineControl = 3, ModemControl = 4, LineStatus = 5;
        const byte DataReady = 1 << 0;
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
            Ports.Write8((ushort)(_base + FifoControl), 0xC7);   // FIFO on, cleared, 14-byte threshold
            Ports.Write8((ushort)(_base + ModemControl), 0x0B);  // DTR, RTS, OUT2
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

        // Waits until the last byte has left the shift register: Bochs drops bytes still in the FIFO at power-off.
        public void Flush()
        {
            while ((Ports.Read8((ushort)(_base + LineStatus)) & TransmitterEmpty) == 0) { }
        }
    }
}
