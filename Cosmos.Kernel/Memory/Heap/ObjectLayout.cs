using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Memory.Heap
{
    // How the collector reads an object laid out by ILC 10 (x64). An object reference points at the object's
    // MethodTable pointer; the 8-byte header word lies just before it, so an object occupies
    // [reference - 8, reference - 8 + size). Its size is its type's base size (header included) plus, for arrays and
    // strings, the element count (the int after the MethodTable pointer) times the component size, rounded up to 8.
    // See docs/garbage-collection.md.
    public static unsafe class ObjectLayout
    {
        public const int HeaderSize = 8;

        // Set in the header word of a heap object while a collection has found it reachable.
        public const ulong MarkBit = 1;

        const uint HasComponentSizeFlag = 0x80000000;
        const uint HasPointersFlag = 0x01000000;

        // The object whose header word is at `header`.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static byte* ObjectAt(byte* header) => header + HeaderSize;

        // The MethodTable of a managed object, as its first word holds it.
        public static ulong MethodTableAddressOf(object o) => *(ulong*)System.Runtime.CompilerServices.Unsafe.As<object, nint>(ref o);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong* HeaderOf(byte* obj) => (ulong*)(obj - HeaderSize);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint* MethodTableOf(byte* obj) => *(uint**)obj;

        public static nuint SizeOf(byte* obj)
        {
            uint* methodTable = MethodTableOf(obj);
            uint flags = methodTable[0];
            nuint size = methodTable[1];
            if ((flags & HasComponentSizeFlag) != 0) size += (nuint)(uint)*(int*)(obj + sizeof(nint)) * (ushort)flags;
            return (size + 7) & ~(nuint)7;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool HasReferences(byte* obj) => (MethodTableOf(obj)[0] & HasPointersFlag) != 0;
    }
}
