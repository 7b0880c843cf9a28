using System.Runtime.InteropServices;

namespace Cosmos.Kernel.Memory.Heap
{
    // The header at the start of every span: a run of heap pages holding either equal slots of one size class or one
    // large object. Slots follow the header. A free slot's MethodTable word is 0 and its header word links the next
    // free slot of the span; an allocated slot holds an object (header word, then MethodTable pointer).
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct Span
    {
        public const int HeaderSize = 64;
        public const int LargeObject = -1;

        public Span* Next;                  // every span, for the sweep
        public Span* Previous;
        public Span* NextAvailable;         // spans of the same size class with a free slot
        public byte* FreeSlots;
        public ulong SlotSize;              // a large span's object size
        public int PageCount;
        public int SizeClass;               // or LargeObject
        public int SlotCount;
        public int FreeCount;

        public static byte* FirstSlot(Span* span) => (byte*)span + HeaderSize;

        public static byte* Slot(Span* span, int index) => FirstSlot(span) + (ulong)index * span->SlotSize;
    }
}
