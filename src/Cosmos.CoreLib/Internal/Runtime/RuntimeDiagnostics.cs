using System.Runtime;

namespace Internal.Runtime
{
    // Read-only views of runtime internals for kernel diagnostics and the in-kernel tests. Not BCL API, hence the
    // Internal namespace: the System types stay a strict subset of the BCL.
    public static unsafe class RuntimeDiagnostics
    {
        // Interface calls that missed the dispatch cache and walked the dispatch maps.
        public static ulong InterfaceDispatchCacheMisses => InterfaceDispatch.CacheMisses;

        // Whether the address lies in memory the early heap has handed out (statics blocks, the first objects).
        public static bool IsEarlyHeapAddress(void* address) => ObjectAllocator.IsEarlyHeapAddress(address);

        // Bytes allocated since start-up: a test can see that an operation did not allocate.
        public static ulong AllocatedBytes => ObjectAllocator.AllocatedBytes;

        // The covariance rule the array store helper enforces (a failed store is an ArrayTypeMismatchException).
        public static bool IsArrayElementStoreAllowed(object[] array, object value) => TypeCast.IsElementStoreAllowed(array, value);
    }
}
