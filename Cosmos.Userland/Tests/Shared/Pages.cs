using Cosmos.Userland.Runtime;

// Page-sized memory from mmap for the memory tests, and fill patterns that tell pages apart.
static unsafe class Pages
{
    public const int Size = 4096;
    public const int ReadWrite = SystemCalls.ProtectionRead | SystemCalls.ProtectionWrite;

    // Where the tests place fixed mappings: far from the heap (0x2000_0000_0000) and the kernel's choices
    // (0x1000_0000_0000 upwards), and free in a Linux process too.
    public static byte* TestArea => (byte*)0x0000_4000_0000_0000;

    // `count` zero-filled read-write anonymous pages at exactly `address` (MAP_FIXED_NOREPLACE) or, when it is null,
    // where the kernel chooses; `sharing` is MAP_PRIVATE or MAP_SHARED. Null (a failed check) when mmap fails.
    public static byte* Map(int count, byte* address = null, int sharing = SystemCalls.MapPrivate)
    {
        int placement = address == null ? 0 : SystemCalls.MapFixedNoReplace;
        long result = SystemCalls.Mmap(address, (ulong)count * Size, ReadWrite, sharing | SystemCalls.MapAnonymous | placement, -1, 0);
        Check.True(result >= 0, "mmap of " + count.ToString() + " pages gave " + result.ToString());
        return result < 0 ? null : (byte*)result;
    }

    // Pages free for programs (meminfo), counting those the kernel heap holds as free: region records come and go
    // in it, and a span it keeps is the kernel's working memory, not pages a mapping lost.
    public static long Free(in MemoryInfo info) => (long)(info.FreePages + info.KernelHeapPages);

    public static long Unmap(byte* address, int count) => SystemCalls.Munmap(address, (ulong)count * Size);

    public static void Fill(byte* page, byte value)
    {
        for (int i = 0; i < Size; i++) page[i] = value;
    }

    // Whether every byte of the page is `value`.
    public static bool Holds(byte* page, byte value)
    {
        for (int i = 0; i < Size; i++)
            if (page[i] != value) return false;
        return true;
    }
}
