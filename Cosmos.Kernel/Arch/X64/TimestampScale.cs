using System;

namespace Cosmos.Kernel.Arch.X64
{
    // Converts between counts of a counter running at a fixed frequency (the TSC, the APIC timer) and nanoseconds,
    // exactly (rounding down) and without overflowing 64 bits for frequencies up to 18 GHz. Rounding down keeps the
    // conversion monotonic: a later count never gives an earlier time. Hardware-free.
    public readonly struct TimestampScale
    {
        const ulong NanosecondsPerSecond = 1_000_000_000;

        public TimestampScale(ulong frequency)
        {
            if (frequency == 0 || frequency > ulong.MaxValue / NanosecondsPerSecond)
                throw new ArgumentOutOfRangeException(nameof(frequency), "a counter frequency must be 1 Hz to 18 GHz");
            Frequency = frequency;
        }

        // Counts per second.
        public ulong Frequency { get; }

        public ulong ToNanoseconds(ulong count)
            => count / Frequency * NanosecondsPerSecond + count % Frequency * NanosecondsPerSecond / Frequency;

        public ulong FromNanoseconds(ulong nanoseconds)
            => nanoseconds / NanosecondsPerSecond * Frequency + nanoseconds % NanosecondsPerSecond * Frequency / NanosecondsPerSecond;

        // The frequency of a counter that advanced `count` while a reference clock of `referenceFrequency` advanced
        // `referenceCount`.
        public static ulong MeasureFrequency(ulong count, ulong referenceCount, ulong referenceFrequency)
        {
            if (referenceCount == 0) throw new ArgumentOutOfRangeException(nameof(referenceCount), "no reference time passed");
            return count / referenceCount * referenceFrequency + count % referenceCount * referenceFrequency / referenceCount;
        }
    }
}
