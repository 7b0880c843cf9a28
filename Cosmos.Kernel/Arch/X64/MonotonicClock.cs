namespace Cosmos.Kernel.Arch.X64
{
    // Time since the processor started, in nanoseconds: the TSC (constant-rate on the CPUs and emulators the kernel
    // runs on) scaled by the frequency PitCalibration measured. Never goes backwards; reads 0 until initialised.
    public static class MonotonicClock
    {
        static TimestampScale s_scale;
        static bool s_initialized;

        public static void Initialize(ulong timestampFrequency)
        {
            s_scale = new TimestampScale(timestampFrequency);
            s_initialized = true;
        }

        // TSC counts per second.
        public static ulong TimestampFrequency => s_scale.Frequency;

        public static ulong NowNanoseconds => s_initialized ? s_scale.ToNanoseconds(Cpu.ReadTimestamp()) : 0;
    }
}
