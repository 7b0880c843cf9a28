using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // thread_create, thread_exit and thread_join (docs/syscalls.md, "Threads"). A thread's user stack is a region of
    // its process with a guard region below it, made here and unmapped when the thread ends.
    static class ThreadCalls
    {
        const ulong DefaultStackBytes = 64 * 1024;

        // thread_create(entry, stack_size, argument0, argument1): the new thread's id.
        public static long Create(ulong entry, ulong stackBytes, ulong argument0, ulong argument1)
        {
            Process process = ProcessTable.Current;
            if (!UserAddressSpace.IsUserRange(entry, 1)) return SystemCalls.Failure(Errno.EFAULT);
            UserAddressSpace space = process.AddressSpace;
            Errno error = space.MapStack(stackBytes == 0 ? DefaultStackBytes : stackBytes, out ulong start, out ulong end);
            if (error != Errno.None) return SystemCalls.Failure(error);
            Thread thread = ProcessTable.StartThread(process, entry, start, end, argument0, argument1);
            if (thread != null) return thread.Id;
            space.Unmap(start, end - start);
            return SystemCalls.Failure(Errno.ESRCH);   // the process is ending; so is the caller
        }

        public static long Exit()
        {
            ProcessTable.LeaveThread();
            return 0;
        }

        public static long Join(int threadId) => ProcessTable.JoinThread(threadId) ? 0 : SystemCalls.Failure(Errno.ESRCH);
    }
}
