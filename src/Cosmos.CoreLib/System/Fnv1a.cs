namespace System
{
    // FNV-1a: the one hash function behind the corelib's GetHashCode overrides. Deterministic across boots, which
    // kernel hash tables and tests want.
    internal static unsafe class Fnv1a
    {
        const uint OffsetBasis = 2166136261;
        const uint Prime = 16777619;

        internal static uint Hash(byte* data, nuint length)
        {
            uint hash = OffsetBasis;
            for (nuint i = 0; i < length; i++) hash = (hash ^ data[i]) * Prime;
            return hash;
        }
    }
}
