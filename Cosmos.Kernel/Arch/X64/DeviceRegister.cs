namespace Cosmos.Kernel.Arch.X64
{
    // A 32-bit device register reached through memory. The field is volatile so that the compiler neither caches a
    // read (a counter polled in a loop) nor drops or merges a write (an acknowledgement).
    public struct DeviceRegister
    {
        public volatile uint Value;
    }
}
