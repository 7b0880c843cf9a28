using System.Runtime;

namespace Internal.Runtime
{
    // Hooks ILC places around calls between managed and native code, and on every object reference store. The
    // kernel's collector scans stacks conservatively and never moves objects, so none of them needs to do anything yet.
    internal static unsafe class GCTransitions
    {
        [RuntimeExport("RhpReversePInvoke")]
        static void RhpReversePInvoke(nint frame) { }

        [RuntimeExport("RhpReversePInvokeReturn")]
        static void RhpReversePInvokeReturn(nint frame) { }

        [RuntimeExport("RhpPInvoke")]
        static void RhpPInvoke(nint frame) { }

        [RuntimeExport("RhpPInvokeReturn")]
        static void RhpPInvokeReturn(nint frame) { }

        [RuntimeExport("RhpAssignRef")]
        static void RhpAssignRef(void** destination, void* value) { *destination = value; }

        [RuntimeExport("RhpCheckedAssignRef")]
        static void RhpCheckedAssignRef(void** destination, void* value) { *destination = value; }
    }
}
