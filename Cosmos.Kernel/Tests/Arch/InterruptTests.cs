using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Diagnostics.Testing;

namespace Cosmos.Kernel.Tests.Arch
{
    // The interrupt hardware as KernelMain leaves it: the APIC timer ticking with interrupts on.
    static unsafe class InterruptTests
    {
        const ulong MeasuredNanoseconds = 100_000_000;
        const ulong OneShotNanoseconds = 5_000_000;

        static ulong s_expiries, s_lastExpiry;
        static uint s_processor;

        [KernelTest]
        internal static void TheLocalApicIsEnabledAndTheLegacyPicsMasked()
        {
            Assert.True(LocalApic.IsEnabled, "the local APIC is enabled (MSR and spurious-vector register)");
            Assert.True(LegacyPic.IsFullyMasked, "every line of both 8259 PICs is masked");
        }

        [KernelTest]
        internal static void InterruptsAreOn()
        {
            bool wereOn = Cpu.DisableInterruptsSaving();
            Cpu.RestoreInterrupts(wereOn);
            Assert.True(wereOn, "RFLAGS.IF is set while the tests run");
        }

        [KernelTest]
        internal static void TheClockNeverGoesBackwardsAndAdvances()
        {
            ulong first = MonotonicClock.NowNanoseconds, previous = first;
            for (int i = 0; i < 10000; i++)
            {
                ulong now = MonotonicClock.NowNanoseconds;
                if (now < previous)
                {
                    Assert.Fail("the clock went back from " + previous + " to " + now);
                    return;
                }
                previous = now;
            }
            Assert.True(previous > first, "the clock advanced over 10000 reads");
        }

        // Waits 100 ms of the TSC clock (halting between ticks) and counts the timer's interrupts meanwhile. The
        // tolerance below covers an emulator that falls behind real time (QEMU TCG drops ticks it was too late for:
        // 78 of 100 were seen with three emulators on two cores); a wrong divider or period is off by twice or more.
        [KernelTest]
        internal static void TheTimerTicksAtTheConfiguredRateByTheClock()
        {
            ulong startTicks = ApicTimer.Ticks;
            ulong start = MonotonicClock.NowNanoseconds;
            while (MonotonicClock.NowNanoseconds - start < MeasuredNanoseconds) Cpu.WaitForInterrupt();
            ulong ticks = ApicTimer.Ticks - startTicks;
            ulong expected = KernelMain.TickHertz * MeasuredNanoseconds / 1_000_000_000;
            Assert.True(ticks >= expected * 6 / 10 && ticks <= expected * 12 / 10,
                        "timer ticks in 100 ms: " + ticks + ", expected " + expected + " (60% to 120%)");
        }

        // The UART in loopback mode receives what it sends: its receive interrupt must put the byte in the ring.
        [KernelTest]
        internal static void ASerialByteArrivesThroughTheReceiveInterrupt()
        {
            Assert.False(IoApic.IsIsaIrqMasked(SerialPort.Com1IsaIrq), "COM1's IRQ is unmasked at the I/O APIC");
            SerialPort serial = ConsoleInput.Serial;
            while (ConsoleInput.TryRead(out _)) { }
            serial.Flush();
            serial.SetLoopback(true);
            serial.Write((byte)'Q');
            byte received = 0;
            ulong start = MonotonicClock.NowNanoseconds;
            while (!ConsoleInput.TryRead(out received) && MonotonicClock.NowNanoseconds - start < MeasuredNanoseconds)
                Cpu.WaitForInterrupt();
            serial.SetLoopback(false);
            Assert.Equal((long)'Q', received, "the byte the interrupt handler put in the ring");
        }

        // The i8042 delivers scancodes as if typed (shift, h, shift released, i): IRQ 1 must turn them into "Hi".
        [KernelTest]
        internal static void KeysFromThePs2KeyboardArriveAsCharacters()
        {
            Assert.False(IoApic.IsIsaIrqMasked(Ps2Controller.KeyboardIsaIrq), "the keyboard's IRQ is unmasked at the I/O APIC");
            while (ConsoleInput.TryRead(out _)) { }
            byte[] scancodes = { 0x2A, 0x23, 0xA3, 0xAA, 0x17, 0x97 };
            var typed = new char[2];
            int count = 0;
            foreach (byte scancode in scancodes)
            {
                Ps2Controller.InjectFromKeyboard(scancode);
                ulong start = MonotonicClock.NowNanoseconds;
                while (Ps2Controller.HasData && MonotonicClock.NowNanoseconds - start < MeasuredNanoseconds) Cpu.WaitForInterrupt();
                while (count < typed.Length && ConsoleInput.TryRead(out byte value)) typed[count++] = (char)value;
            }
            Assert.Equal("Hi", new string(typed, 0, count), "what the keyboard typed");
        }

        // A one-shot replaces the tick: the installed handler runs once, no earlier than asked, and then nothing
        // until the tick is started again. The tick is stopped a tick's time before, so that a tick already latched
        // goes to the scheduler and is not counted as the one-shot's expiry.
        [KernelTest]
        internal static void AOneShotExpiresOnceAfterItsDelayAndCallsTheHandler()
        {
            ApicTimer.Stop();                               // this processor's: no tick moves this thread elsewhere now
            SpinFor(1_000_000_000 / KernelMain.TickHertz);
            s_processor = PerCpu.Current->Index;            // the other processors' ticks come to the handler too
            s_expiries = 0;
            delegate*<InterruptFrame*, void> scheduler = ApicTimer.SetTickHandler(&RecordExpiry);
            ulong start = MonotonicClock.NowNanoseconds;
            ApicTimer.StartOneShot(OneShotNanoseconds);
            SpinFor(4 * OneShotNanoseconds);                // halting could wait for ever
            ulong expiries = s_expiries, elapsed = s_lastExpiry - start;
            ApicTimer.SetTickHandler(scheduler);
            ApicTimer.StartPeriodic(KernelMain.TickHertz);
            Assert.Equal(1, (long)expiries, "handler calls in four times the delay");
            Assert.True(elapsed >= OneShotNanoseconds * 9 / 10, "expired after " + elapsed + " ns, asked for " + OneShotNanoseconds);
        }

        static void SpinFor(ulong nanoseconds)
        {
            ulong start = MonotonicClock.NowNanoseconds;
            while (MonotonicClock.NowNanoseconds - start < nanoseconds) { }
        }

        static void RecordExpiry(InterruptFrame* frame)
        {
            if (PerCpu.Current->Index != s_processor) return;
            s_expiries++;
            s_lastExpiry = MonotonicClock.NowNanoseconds;
        }
    }
}
