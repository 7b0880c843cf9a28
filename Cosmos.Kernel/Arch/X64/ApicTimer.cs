using System;

namespace Cosmos.Kernel.Arch.X64
{
    // The local APIC's timer, one per processor, programmed by the processor it interrupts: either periodic (the
    // scheduler's tick) or one-shot (a deadline), at the rate PitCalibration measured (the same on every processor). On every expiry it counts a tick and then calls the installed handler; the interrupt
    // has already been acknowledged (Idt), so the handler may switch threads. The handler runs with interrupts off and
    // must not allocate.
    public static unsafe class ApicTimer
    {
        internal const uint DivideConfiguration = 0b0011;      // the bus clock divided by 16
        const uint Periodic = 1 << 17;

        static TimestampScale s_scale;
        static delegate*<InterruptFrame*, void> s_handler;
        static ulong s_ticks;

        public static void Initialize(ulong frequency)
        {
            s_scale = new TimestampScale(frequency);
            Idt.SetHandler(InterruptVectors.ApicTimer, &OnInterrupt);
        }

        // Counts per second (after the divider).
        public static ulong Frequency => s_scale.Frequency;

        // Timer interrupts the boot processor took since boot (each processor's timer ticks at the same rate).
        public static ulong Ticks => s_ticks;

        // Installs what is called on every expiry, periodic or one-shot (null for nothing), with the interrupted
        // code's frame, and returns what was.
        public static delegate*<InterruptFrame*, void> SetTickHandler(delegate*<InterruptFrame*, void> handler)
        {
            delegate*<InterruptFrame*, void> previous = s_handler;
            s_handler = handler;
            return previous;
        }

        // On the calling processor's timer.
        public static void StartPeriodic(uint hertz)
        {
            ulong period = hertz == 0 ? 0 : s_scale.Frequency / hertz;
            if (period == 0 || period > uint.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(hertz), "the APIC timer cannot tick at " + hertz + " Hz");
            Program(Periodic, (uint)period);
        }

        // One interrupt after at least `nanoseconds` (at most as long as the 32-bit counter reaches: about
        // 2^32 / Frequency seconds), replacing any periodic tick.
        public static void StartOneShot(ulong nanoseconds)
        {
            ulong count = s_scale.FromNanoseconds(nanoseconds);
            Program(0, count == 0 ? 1 : count > uint.MaxValue ? uint.MaxValue : (uint)count);
        }

        public static void Stop() => LocalApic.Write(LocalApic.TimerInitialCount, 0);

        // The divider too: a processor's timer starts with its own (reset) divider, not the one calibration set on the
        // boot processor's.
        static void Program(uint mode, uint count)
        {
            LocalApic.Write(LocalApic.TimerInitialCount, 0);
            LocalApic.Write(LocalApic.TimerDivide, DivideConfiguration);
            LocalApic.Write(LocalApic.LvtTimer, mode | InterruptVectors.ApicTimer);
            LocalApic.Write(LocalApic.TimerInitialCount, count);
        }

        static void OnInterrupt(InterruptFrame* frame)
        {
            if (PerCpu.Current->Index == 0) s_ticks++;
            delegate*<InterruptFrame*, void> handler = s_handler;
            if (handler != null) handler(frame);
        }
    }
}
