using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Userland.Runtime
{
    // The processor's time-stamp counter, for benchmarks: cycles at a constant rate, or guest instructions under
    // QEMU with -icount (as `cosmos bench` runs).
    public static class Timestamp
    {
        [RuntimeImport("cosmos_read_timestamp")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong Read();
    }
}
