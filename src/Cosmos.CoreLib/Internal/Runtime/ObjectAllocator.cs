using System;
using System.Runtime;

namespace Internal.Runtime
{
    // Where every managed object comes from. An image installs its own heap by plugging AllocateFromHeap (the kernel
    // does: Cosmos.Kernel/Memory/ObjectAllocatorPlug.cs); whenever that gives null, and always before it is plugged,
    // objects are carved from the early heap the boot code hands over: bump allocation, never freed. That is where the
    // statics blocks made at start-up and the first objects of an image live.
    // Objects are laid out as ILC expects: an 8-byte header word, then the MethodTable pointer (where the object
    // reference points), then the fields or elements; the type's base size counts all three.
    internal static unsafe class ObjectAllocator
    {
        static byte* s_start;
        static byte* s_next;
        static byte* s_limit;
        static ulong s_allocatedBytes;

        internal static void Initialize(byte* start, byte* end)
        {
            s_start = start;
            s_next = start;
            s_limit = end;
        }

        // Bytes allocated since start-up, from any heap: a test can see that an operation did not allocate.
        internal static ulong AllocatedBytes => s_allocatedBytes;

        // Whether the address lies in memory the early heap has handed out (objects, statics blocks).
        internal static bool IsEarlyHeapAddress(void* address) => address >= s_start && address < s_next;

        // The image's heap: zeroed memory of `size` bytes (a multiple of 8), 8-byte aligned, or null to use the
        // early heap. The plug point for an image's own memory manager.
        internal static byte* AllocateFromHeap(nuint size) => null;

        static byte* AllocateRaw(nuint size)
        {
            size = (size + 7) & ~(nuint)7;
            s_allocatedBytes += size;
            byte* memory = AllocateFromHeap(size);
            return memory != null ? memory : AllocateEarly(size);
        }

        static byte* AllocateEarly(nuint size)
        {
            if (size > (nuint)(s_limit - s_next)) Environment.FailFast("out of memory: the early heap is exhausted");
            byte* result = s_next;
            s_next += size;
            Buffer.ZeroMemory(result, size);
            return result;
        }

        internal static object AllocateObject(MethodTable* type)
        {
            byte* obj = AllocateRaw(type->BaseSize) + sizeof(nint);
            *(MethodTable**)obj = type;
            return ObjectAt(obj);
        }

        internal static object AllocateArray(MethodTable* type, int length)
        {
            if (length < 0) throw new OverflowException();
            byte* obj = AllocateRaw(type->BaseSize + (nuint)(uint)length * type->ComponentSize) + sizeof(nint);
            *(MethodTable**)obj = type;
            *(int*)(obj + sizeof(nint)) = length;
            return ObjectAt(obj);
        }

        static object ObjectAt(byte* obj) => *(object*)&obj;

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
