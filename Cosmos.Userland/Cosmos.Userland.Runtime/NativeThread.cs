using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Userland.Runtime
{
    // Threads of this process: each runs body(argument) on a stack of its own (a region of the process above a guard
    // page, docs/memory-regions.md) and ends when body returns. Bodies are ordinary managed code: they allocate, and
    // the collector finds their references on their stacks and in their registers (UserHeap, UserRoots).
    public static unsafe class NativeThread
    {
        // The new thread's id, or -errno.
        public static long Start(delegate*<ulong, void> body, ulong argument, ulong stackBytes = 0)
            => SystemCalls.ThreadCreate(StartAddress(), stackBytes, (ulong)body, argument);

        // Waits for the thread to end: 0, or -errno.
        public static long Join(long id) => SystemCalls.ThreadJoin(id);

        // What tells threads apart for CoreLib (its class-constructor runner): the thread's id.
        [RuntimeExport("cosmos_current_thread_token")]
        static nint CurrentThreadToken() => (nint)SystemCalls.GetThreadId();

        [RuntimeImport("cosmos_thread_start_address")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong StartAddress();
    }
}
