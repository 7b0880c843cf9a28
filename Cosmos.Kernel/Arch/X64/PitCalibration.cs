namespace Cosmos.Kernel.Arch.X64
{
    // Measures the TSC's and the APIC timer's frequencies once at boot against the 8254 PIT, whose 1.193182 MHz is
    // fixed by the PC's design. PIT channel 2 (its gate on port 0x61, the speaker kept off) counts down once from a
    // known count, polled, while both counters run; the ratio gives their rates. See docs/interrupts.md for what QEMU
    // and Bochs report.
    public static class PitCalibration
    {
        public const ulong PitFrequency = 1_193_182;
        const int MeasuredMilliseconds = 20;

        const ushort Channel2Data = 0x42, ModeCommand = 0x43, Channel2Control = 0x61;
        const byte Channel2Gate = 1 << 0, SpeakerEnable = 1 << 1, Channel2Output = 1 << 5;
        const byte Channel2OneShot = 0b10_11_000_0;     // channel 2, low then high byte, mode 0, binary

        public static ulong TimestampFrequency { get; private set; }

        public static ulong ApicTimerFrequency { get; private set; }

        // Needs the local APIC enabled; its timer is left stopped, with the divider ApicTimer runs at.
        public static void Measure()
        {
            const ushort count = (ushort)(PitFrequency * MeasuredMilliseconds / 1000);
            byte control = Ports.Read8(Channel2Control);
            Ports.Write8(Channel2Control, (byte)((control & ~SpeakerEnable) | Channel2Gate));
            Ports.Write8(ModeCommand, Channel2OneShot);
            LocalApic.Write(LocalApic.TimerDivide, ApicTimer.DivideConfiguration);
            LocalApic.Write(LocalApic.LvtTimer, LocalApic.LvtMasked | InterruptVectors.ApicTimer);
            Ports.Write8(Channel2Data, (byte)(count & 0xFF));
            Ports.Write8(Channel2Data, (byte)(count >> 8));     // the count starts with this write

            LocalApic.Write(LocalApic.TimerInitialCount, uint.MaxValue);
            ulong tscStart = Cpu.ReadTimestamp();
            while ((Ports.Read8(Channel2Control) & Channel2Output) == 0) { }
            ulong tscEnd = Cpu.ReadTimestamp();
            uint apicElapsed = uint.MaxValue - LocalApic.Read(LocalApic.TimerCurrentCount);

            LocalApic.Write(LocalApic.TimerInitialCount, 0);
            Ports.Write8(Channel2Control, control);
            TimestampFrequency = TimestampScale.MeasureFrequency(tscEnd - tscStart, count, PitFrequency);
            ApicTimerFrequency = TimestampScale.MeasureFrequency(apicElapsed, count, PitFrequency);
        }
    }
}
