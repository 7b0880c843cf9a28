namespace Cosmos.Kernel.Arch.X64
{
    // The two 8259 PICs. The BIOS leaves them delivering IRQ 0-7 on vectors 8-15, where the CPU reports exceptions
    // (the PIT's tick would look like a double fault), so they are reprogrammed onto 0x20-0x2F and every line masked:
    // the APICs deliver interrupts instead. Even masked, a PIC can raise a spurious IRQ 7 or 15, which is ignored.
    public static unsafe class LegacyPic
    {
        const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xA0, SlaveData = 0xA1;
        const byte Initialize = 0x11;           // ICW1: initialise, ICW4 follows
        const byte Mode8086 = 0x01;             // ICW4
        const byte EndOfInterrupt = 0x20;
        const byte AllMasked = 0xFF;

        public static void RemapAndMask()
        {
            Ports.Write8(MasterCommand, Initialize);
            Ports.Write8(SlaveCommand, Initialize);
            Ports.Write8(MasterData, InterruptVectors.LegacyPicBase);
            Ports.Write8(SlaveData, InterruptVectors.LegacyPicBase + 8);
            Ports.Write8(MasterData, 1 << 2);   // ICW3: the slave hangs off IRQ 2
            Ports.Write8(SlaveData, 2);         //       and knows it by number
            Ports.Write8(MasterData, Mode8086);
            Ports.Write8(SlaveData, Mode8086);
            Ports.Write8(MasterData, AllMasked);
            Ports.Write8(SlaveData, AllMasked);
            Idt.SetHandler(InterruptVectors.LegacyPicSpuriousMaster, &IgnoreSpurious);
            Idt.SetHandler(InterruptVectors.LegacyPicSpuriousSlave, &AcknowledgeCascade);
        }

        public static bool IsFullyMasked => Ports.Read8(MasterData) == AllMasked && Ports.Read8(SlaveData) == AllMasked;

        static void IgnoreSpurious(InterruptFrame* frame) { }

        // A spurious IRQ 15 is still a real IRQ 2 to the master, which waits for its end-of-interrupt.
        static void AcknowledgeCascade(InterruptFrame* frame) => Ports.Write8(MasterCommand, EndOfInterrupt);
    }
}
