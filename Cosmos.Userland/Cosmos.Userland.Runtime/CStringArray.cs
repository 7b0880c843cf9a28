namespace Cosmos.Userland.Runtime
{
    // A null-terminated array of C strings (argv, envp) built from strings, for spawn. Keep the object referenced
    // while the kernel reads it: Pointers holds the addresses of the Strings' bytes, which only they keep alive.
    public sealed unsafe class CStringArray
    {
        readonly byte[][] _strings;
        readonly ulong[] _pointers;

        public CStringArray(string[] strings)
        {
            _strings = new byte[strings.Length][];
            _pointers = new ulong[strings.Length + 1];
            for (int i = 0; i < strings.Length; i++)
            {
                _strings[i] = CString.From(strings[i]);
                fixed (byte* bytes = _strings[i]) _pointers[i] = (ulong)bytes;
            }
        }

        // The array: pass it while this object is alive (GC.KeepAlive after the call).
        public byte** Pointers
        {
            get { fixed (ulong* pointers = _pointers) return (byte**)pointers; }
        }
    }
}
