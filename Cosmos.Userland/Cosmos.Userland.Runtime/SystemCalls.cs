using System.Runtime;
using System.Runtime.CompilerServices;

namespace Cosmos.Userland.Runtime
{
    // The system calls of docs/syscalls.md, typed. Each returns what the kernel returned: a value >= 0, or -errno
    // (Errno): callers see failures as they are, and a program that uses only the Linux-numbered calls runs on Linux.
    public static unsafe class SystemCalls
    {
        const long ReadNumber = 0, WriteNumber = 1, OpenNumber = 2, CloseNumber = 3, StatNumber = 4, FstatNumber = 5;
        const long LseekNumber = 8, MmapNumber = 9, MprotectNumber = 10, MunmapNumber = 11, MsyncNumber = 26, GetpidNumber = 39;
        const long ExitNumber = 60, Wait4Number = 61;
        const long SpawnNumber = 0x1000, MeminfoNumber = 0x1001, ListProcessesNumber = 0x1002, ListDirectoryNumber = 0x1003;
        const long SharedMemoryCreateNumber = 0x1004, SharedMemoryMapNumber = 0x1005, SharedMemoryDeleteNumber = 0x1006;
        const long SharedMemoryGrantNumber = 0x1007, ThreadCreateNumber = 0x1008, ThreadExitNumber = 0x1009, ThreadJoinNumber = 0x100A;
        const long SchedYieldNumber = 24, ThreadsStopNumber = 0x100B, ThreadRegistersNumber = 0x100C, ThreadsResumeNumber = 0x100D;
        const long ListProcessorsNumber = 0x100E, GetThreadIdNumber = 186;

        public const int OpenReadOnly = 0, OpenWriteOnly = 1, OpenReadWrite = 2, OpenCreate = 0x40, OpenTruncate = 0x200, OpenAppend = 0x400;
        public const int SeekSet = 0, SeekCurrent = 1, SeekEnd = 2;
        public const int ProtectionNone = 0, ProtectionRead = 1, ProtectionWrite = 2, ProtectionExecute = 4;
        public const int MapShared = 0x01, MapPrivate = 0x02, MapFixed = 0x10, MapAnonymous = 0x20, MapFixedNoReplace = 0x100000;
        public const int SyncAsynchronous = 1, SyncInvalidate = 2, SyncSynchronous = 4;
        // shm_create: the children the creator spawns afterwards (and theirs) may map and delete the object too.
        public const int SharedMemoryInherit = 1;

        [RuntimeImport("cosmos_system_call")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern long Call(long number, long a1, long a2, long a3, long a4, long a5, long a6);

        public static long Read(int fd, byte* buffer, ulong count) => Call(ReadNumber, fd, (long)buffer, (long)count, 0, 0, 0);

        public static long Write(int fd, byte* buffer, ulong count) => Call(WriteNumber, fd, (long)buffer, (long)count, 0, 0, 0);

        // path: a null-terminated UTF-8 string (CString).
        public static long Open(byte* path, int flags, int mode) => Call(OpenNumber, (long)path, flags, mode, 0, 0, 0);

        public static long Close(int fd) => Call(CloseNumber, fd, 0, 0, 0, 0, 0);

        public static long Stat(byte* path, FileStatus* status) => Call(StatNumber, (long)path, (long)status, 0, 0, 0, 0);

        public static long Fstat(int fd, FileStatus* status) => Call(FstatNumber, fd, (long)status, 0, 0, 0, 0);

        public static long Lseek(int fd, long offset, int whence) => Call(LseekNumber, fd, offset, whence, 0, 0, 0);

        public static long Mmap(void* address, ulong length, int protection, int flags, int fd, long offset)
            => Call(MmapNumber, (long)address, (long)length, protection, flags, fd, offset);

        public static long Mprotect(void* address, ulong length, int protection) => Call(MprotectNumber, (long)address, (long)length, protection, 0, 0, 0);

        public static long Munmap(void* address, ulong length) => Call(MunmapNumber, (long)address, (long)length, 0, 0, 0, 0);

        public static long Msync(void* address, ulong length, int flags) => Call(MsyncNumber, (long)address, (long)length, flags, 0, 0, 0);

        public static long GetProcessId() => Call(GetpidNumber, 0, 0, 0, 0, 0, 0);

        public static void Exit(int code)
        {
            Call(ExitNumber, code, 0, 0, 0, 0, 0);
            while (true) { }
        }

        // status: where the wait status goes (WaitStatus reads it), or null. pid -1 waits for any child.
        public static long Wait4(int pid, int* status, int options, void* resourceUsage)
            => Call(Wait4Number, pid, (long)status, options, (long)resourceUsage, 0, 0);

        // argv and envp: null-terminated arrays of C strings, as for execve. Returns the child's pid.
        public static long Spawn(byte* path, byte** argv, byte** envp) => Call(SpawnNumber, (long)path, (long)argv, (long)envp, 0, 0, 0);

        public static long MemoryInfo(MemoryInfo* info) => Call(MeminfoNumber, (long)info, 0, 0, 0, 0, 0);

        // Fills up to `count` records; returns how many processes there are.
        public static long ListProcesses(ProcessInfo* buffer, int count) => Call(ListProcessesNumber, (long)buffer, count, 0, 0, 0, 0);

        // The names in the directory, each ended by '\n'; returns the bytes written.
        public static long ListDirectory(byte* path, byte* buffer, ulong length)
            => Call(ListDirectoryNumber, (long)path, (long)buffer, (long)length, 0, 0, 0);

        // A zero-filled shared memory object of `length` bytes that every SharedMemoryMap maps with `protection`;
        // its key goes to *key. Returns 0.
        public static long SharedMemoryCreate(ulong length, int protection, int flags, ulong* key)
            => Call(SharedMemoryCreateNumber, (long)length, protection, flags, (long)key, 0, 0);

        // Maps the whole object where the kernel chooses; returns the address.
        public static long SharedMemoryMap(ulong key) => Call(SharedMemoryMapNumber, (long)key, 0, 0, 0, 0, 0);

        // No new mapping may be made; the pages go with the last existing one.
        public static long SharedMemoryDelete(ulong key) => Call(SharedMemoryDeleteNumber, (long)key, 0, 0, 0, 0, 0);

        // Gives process `pid` the right to map and delete the object.
        public static long SharedMemoryGrant(ulong key, int pid) => Call(SharedMemoryGrantNumber, (long)key, pid, 0, 0, 0, 0);

        // A new thread entering user mode at `entry` with rdi = argument0, rsi = argument1 and rsp at the top of a
        // new stack of `stackBytes` (0: 64 KiB) with a guard page below; returns its id. (NativeThread wraps it.)
        public static long ThreadCreate(ulong entry, ulong stackBytes, ulong argument0, ulong argument1)
            => Call(ThreadCreateNumber, (long)entry, (long)stackBytes, (long)argument0, (long)argument1, 0, 0);

        // Ends the calling thread; the last thread to end ends the process with status 0.
        public static void ThreadExit()
        {
            Call(ThreadExitNumber, 0, 0, 0, 0, 0, 0);
            while (true) { }
        }

        // Waits for thread `id` of this process to end; 0, or -ESRCH for no such (unjoined) thread.
        public static long ThreadJoin(long id) => Call(ThreadJoinNumber, id, 0, 0, 0, 0, 0);

        // The calling thread's id (Linux's gettid).
        public static long GetThreadId() => Call(GetThreadIdNumber, 0, 0, 0, 0, 0, 0);

        // Lets other threads run first.
        public static long SchedYield() => Call(SchedYieldNumber, 0, 0, 0, 0, 0, 0);

        // Keeps this process's other threads out of user mode until ThreadsResume; returns how many there are, and the
        // end of the region holding the caller's stack in *ownStackEnd.
        public static long ThreadsStop(ulong* ownStackEnd) => Call(ThreadsStopNumber, (long)ownStackEnd, 0, 0, 0, 0, 0);

        // The user registers of the index-th stopped thread (ThreadRegisters).
        public static long ThreadRegisters(int index, ThreadRegisters* registers) => Call(ThreadRegistersNumber, index, (long)registers, 0, 0, 0, 0);

        public static long ThreadsResume() => Call(ThreadsResumeNumber, 0, 0, 0, 0, 0, 0);

        // Fills up to `count` records; returns how many processors are online.
        public static long ListProcessors(ProcessorInfo* buffer, ulong count) => Call(ListProcessorsNumber, (long)buffer, (long)count, 0, 0, 0, 0);
    }
}
