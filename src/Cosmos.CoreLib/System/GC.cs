using System.Runtime.CompilerServices;

namespace System
{
    // The collector's public face. CoreLib has no collector of its own (its early heap never frees anything), so
    // Collect does nothing until an image that has one plugs it (the kernel: Cosmos.Kernel/Memory/GCPlug.cs).
    public static class GC
    {
        public static void Collect() { }

        // Keeps obj reachable up to this call, for code that holds it otherwise only in ways the collector cannot see.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void KeepAlive(object obj) { }
    }
}
