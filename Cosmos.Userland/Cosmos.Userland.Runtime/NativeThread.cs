using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Userland.Runtime
{
    // Threads of this process: each runs body(argument) on a stack of its own (a region of the process above a guard
    // page, docs/memory-regions.md) and ends when body returns. The collector does not see these threads' stacks yet,
    // so a body must not allocate managed objects, nor be the only holder of one: it works on memory it is handed
    // (statics, mmap'd memory, objects the main thread keeps alive).
    public static unsafe class NativeThread
    {
        // The new thread's id, or -errno.
        public static long Start(delegate*<ulong, void> body, ulong argument, ulong stackBytes = 0)
            => SystemCalls.ThreadCreate(StartAddress(), stackBytes, (ulong)body, argument);

        // Waits for the thread to end: 0, or -errno.
        public static long Join(long id) => SystemCalls.ThreadJoin(id);

        [RuntimeImport("cosmos_thread_start_address")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong StartAddress();
    }
}
