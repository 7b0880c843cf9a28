using Cosmos.Kernel.Arch.X64;

namespace Cosmos.Kernel.Diagnostics.Benchmarking
{
    // Measures stretches of kernel code in time-stamp-counter cycles and reports them on the kernel log, one
    // machine-readable line per figure:
    //   BENCH <name> <value> <unit>
    // Under QEMU with -icount shift=0 the counter advances one tick per guest instruction, so the figures are
    // instruction counts, the same on every run (`cosmos bench` boots it that way).
    public static class Benchmark
    {
        public static ulong Now() => Cpu.ReadTimestamp();

        public static void Report(string name, ulong value, string unit)
            => KernelLog.WriteLine("BENCH " + name + " " + value.ToString() + " " + unit);

        // The median of the measurements (sorted in place).
        public static ulong Median(ulong[] measurements)
        {
            System.Array.Sort(measurements, (a, b) => a.CompareTo(b));
            return measurements[measurements.Length / 2];
        }
    }
}
