using System;
using System.Runtime;

namespace Internal.Runtime
{
    // Where every managed object comes from. Until the kernel installs its own heap (through a plug), objects are
    // carved from the early heap region the boot code hands over: bump allocation, never freed.
    internal static unsafe class ObjectAllocator
    {
        static byte* s_start;
        static byte* s_next;
        static byte* s_limit;

        internal static void Initialize(byte* start, byte* end)
        {
            s_start = start;
            s_next = start;
            s_limit = end;
        }

        internal static nuint EarlyHeapRemaining => (nuint)(s_limit - s_next);

        // Whether the address lies in memory this allocator has handed out.
        internal static bool IsAllocated(void* address) => address >= s_start && address < s_next;

        // Returns zeroed memory, 8-byte aligned.
        internal static byte* AllocateRaw(nuint size)
        {
            size = (size + 7) & ~(nuint)7;
            if (size > (nuint)(s_limit - s_next)) Environment.FailFast("out of memory: the early heap is exhausted");
            byte* result = s_next;
            s_next += size;
            Buffer.ZeroMemory(result, size);
            return result;
        }

        internal static object AllocateObject(MethodTable* type)
        {
            byte* memory = AllocateRaw(type->BaseSize);
            *(MethodTable**)memory = type;
            return ObjectAt(memory);
        }

        internal static object AllocateArray(MethodTable* type, int length)
        {
            if (length < 0) throw new OverflowException();
            nuint size = type->BaseSize + (nuint)(uint)length * type->ComponentSize;
            byte* memory = AllocateRaw(size);
            *(MethodTable**)memory = type;
            *(int*)(memory + sizeof(nint)) = length;
            return ObjectAt(memory);
        }

        static object ObjectAt(byte* memory) => *(object*)&memory;

        [RuntimeExport("RhpNewFast")]
        static object RhpNewFast(MethodTable* type) => AllocateObject(type);

        [RuntimeExport("RhpNewArrayFast")]
        static object RhpNewArrayFast(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        static object RhpNewPtrArrayFast(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewArray")]
        static object RhpNewArray(MethodTable* type, int length) => AllocateArray(type, length);
    }
}
