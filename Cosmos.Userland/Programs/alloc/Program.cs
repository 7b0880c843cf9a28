using System;
using Cosmos.Userland.Runtime;

// Allocates 200 MiB in arrays of 1 KiB to 64 KiB while only the last 16 stay referenced: the heap must stay far
// smaller than what was allocated, which shows the collector at work in user mode.
static class Program
{
    const long TotalBytes = 200L << 20;

    static void Main()
    {
        var live = new byte[16][];
        long allocated = 0;
        for (int i = 0; allocated < TotalBytes; i++)
        {
            var array = new byte[1024 << (i % 7)];
            array[array.Length - 1] = (byte)i;
            live[i % live.Length] = array;
            allocated += array.Length;
        }
        Console.WriteLine("allocated " + (allocated >> 20).ToString() + " MiB in " + UserHeap.Collections.ToString()
                          + " collections; heap " + (UserHeap.CommittedPages * 4096 >> 10).ToString() + " KiB committed, "
                          + (UserHeap.BytesInUse >> 10).ToString() + " KiB in use");
    }
}
