using System.Threading;
using Cosmos.Userland.Runtime;

// Shared memory objects (docs/syscalls.md "Shared memory"; memory-spec.md section 8); CosmosOS only. The parent shares
// an inherited object A with its children: page 0 written by the parent, page 1 by a child, page 2 a mailbox (State)
// through which the "grant" child and the parent take turns. Object B is made without SHM_INHERIT: the "grant" child
// has no right to it until the parent grants it one. Child modes take the keys as decimal arguments.
static unsafe class Program
{
    const int PagesOfA = 3;
    const string Share = "share", Grant = "grant";
    const int Refused = 1, Granted = 2;
    const long SpinLimit = 1L << 31;
    const ulong UnknownKey = 0x0123_4567_89AB_CDEF;

    static int Main(string[] args)
    {
        if (ChildProcess.IsChild(args))
            return args[1] == Share ? ShareChild(ParseKey(args[2])) : GrantChild(ParseKey(args[2]), ParseKey(args[3]));
        Errors();
        ulong a = Create(PagesOfA, SystemCalls.SharedMemoryInherit);
        byte* mappedA = MapWhole(a, "A");
        if (mappedA == null) return Check.Result;
        Pages.Fill(mappedA, 0x11);
        ChildProcess.ExpectSuccess(Share, a.ToString());
        Check.True(Pages.Holds(mappedA + Pages.Size, 0x22), "the parent sees the child's writes to A");
        GrantAndDelete(a, mappedA);
        ReadOnlyObject();
        PagesAreFreedWithTheLastMapping();
        return Check.Result;
    }

    static ulong ParseKey(string text)
    {
        ulong key = 0;
        for (int i = 0; i < text.Length; i++) key = key * 10 + (ulong)(text[i] - '0');
        return key;
    }

    static ulong Create(int pageCount, int flags, int protection = Pages.ReadWrite)
    {
        ulong key = 0;
        Check.Equal(0, SystemCalls.SharedMemoryCreate((ulong)pageCount * Pages.Size, protection, flags, &key), "shm_create of " + pageCount.ToString() + " pages");
        return key;
    }

    static byte* MapWhole(ulong key, string name)
    {
        long address = SystemCalls.SharedMemoryMap(key);
        Check.True(address > 0, "shm_map of " + name + " gave " + address.ToString());
        return address > 0 ? (byte*)address : null;
    }

    static int* State(byte* mappedA) => (int*)(mappedA + 2 * Pages.Size);

    // Waits until the other process sets *state to `expected`; false (a failed check) after SpinLimit looks.
    static bool Await(int* state, int expected)
    {
        for (long i = 0; i < SpinLimit; i++)
            if (Volatile.Read(ref *state) == expected) return true;
        Check.Equal(expected, Volatile.Read(ref *state), "the mailbox's state after waiting");
        return false;
    }

    static void Errors()
    {
        ulong key = 0;
        Check.Equal(-Errno.EINVAL, SystemCalls.SharedMemoryCreate(0, Pages.ReadWrite, 0, &key), "shm_create of length 0");
        Check.Equal(-Errno.EINVAL, SystemCalls.SharedMemoryCreate(Pages.Size, 0x40, 0, &key), "shm_create with an unknown protection bit");
        Check.Equal(-Errno.EINVAL, SystemCalls.SharedMemoryCreate(Pages.Size, Pages.ReadWrite, 2, &key), "shm_create with an unknown flag bit");
        Check.Equal(-Errno.EFAULT, SystemCalls.SharedMemoryCreate(Pages.Size, Pages.ReadWrite, 0, (ulong*)0x10), "shm_create with a bad key pointer");
        Check.Equal(-Errno.ENOENT, SystemCalls.SharedMemoryMap(UnknownKey), "shm_map of an unknown key");
        Check.Equal(-Errno.ENOENT, SystemCalls.SharedMemoryDelete(UnknownKey), "shm_delete of an unknown key");
        Check.Equal(-Errno.ENOENT, SystemCalls.SharedMemoryGrant(UnknownKey, (int)SystemCalls.GetProcessId()), "shm_grant of an unknown key");
    }

    // A child of the creator of A (made with SHM_INHERIT) maps it, sees page 0 and writes page 1.
    static int ShareChild(ulong a)
    {
        byte* mappedA = MapWhole(a, "A in the child");
        if (mappedA == null) return Check.Result;
        Check.True(Pages.Holds(mappedA, 0x11), "the child sees the parent's writes to A");
        Pages.Fill(mappedA + Pages.Size, 0x22);
        return Check.Result;
    }

    // Without a right to B: map, delete and grant are refused. Then, once the parent has granted the right, B maps.
    static int GrantChild(ulong a, ulong b)
    {
        byte* mappedA = MapWhole(a, "A in the child");
        if (mappedA == null) return Check.Result;
        Check.Equal(-Errno.EACCES, SystemCalls.SharedMemoryMap(b), "shm_map of B without the right");
        Check.Equal(-Errno.EACCES, SystemCalls.SharedMemoryDelete(b), "shm_delete of B without the right");
        Check.Equal(-Errno.EACCES, SystemCalls.SharedMemoryGrant(b, (int)SystemCalls.GetProcessId()), "shm_grant of B to itself without the right");
        Volatile.Write(ref *State(mappedA), Refused);
        if (!Await(State(mappedA), Granted)) return Check.Result;
        byte* mappedB = MapWhole(b, "B in the child after the grant");
        if (mappedB == null) return Check.Result;
        Check.True(Pages.Holds(mappedB, 0x33), "the child sees the parent's writes to B");
        Pages.Fill(mappedB, 0x44);
        return Check.Result;
    }

    static void GrantAndDelete(ulong a, byte* mappedA)
    {
        ulong b = Create(1, 0);
        byte* mappedB = MapWhole(b, "B");
        if (mappedB == null) return;
        Pages.Fill(mappedB, 0x33);
        long child = ChildProcess.Start(Grant, a.ToString(), b.ToString());
        if (child <= 0) return;
        if (Await(State(mappedA), Refused))
        {
            Check.Equal(0, SystemCalls.SharedMemoryGrant(b, (int)child), "shm_grant of B to the child");
            Volatile.Write(ref *State(mappedA), Granted);
        }
        ChildProcess.ExpectSuccess(child, Grant);
        Check.True(Pages.Holds(mappedB, 0x44), "the parent sees the child's writes to B");
        Check.Equal(-Errno.ESRCH, SystemCalls.SharedMemoryGrant(b, (int)child), "shm_grant of B to the ended child");

        Check.Equal(0, SystemCalls.SharedMemoryDelete(b), "shm_delete of B");
        Check.Equal(-Errno.ENOENT, SystemCalls.SharedMemoryMap(b), "shm_map of the deleted B");
        Check.Equal(-Errno.ENOENT, SystemCalls.SharedMemoryDelete(b), "shm_delete of the deleted B");
        Check.True(Pages.Holds(mappedB, 0x44), "the existing mapping of the deleted B keeps its data");
        Pages.Fill(mappedB, 0x55);
        Check.True(Pages.Holds(mappedB, 0x55), "the existing mapping of the deleted B is writable");
        Pages.Unmap(mappedB, 1);
    }

    static void ReadOnlyObject()
    {
        ulong key = Create(1, 0, SystemCalls.ProtectionRead);
        byte* mapped = MapWhole(key, "a read-only object");
        if (mapped == null) return;
        Check.Equal(Probe.Length, Probe.Read(mapped), "the kernel reading the read-only object");
        Check.Equal(-Errno.EFAULT, Probe.Write(mapped), "the kernel writing the read-only object");
        SystemCalls.SharedMemoryDelete(key);
        Pages.Unmap(mapped, 1);
    }

    // Free pages (meminfo) drop by at least the pages touched, stay down while the deleted object is still mapped, and
    // come back with its last mapping. As in /tests/munmap: a first round unmeasured, nothing allocated between counts.
    static void PagesAreFreedWithTheLastMapping()
    {
        const int Count = 16;
        MemoryInfo before = default, touched = default, deleted = default, after = default;
        long mapped = 0, deleteResult = 0;
        for (int round = 0; round < 2; round++)
        {
            ulong key = 0;
            SystemCalls.MemoryInfo(&before);
            if (SystemCalls.SharedMemoryCreate(Count * Pages.Size, Pages.ReadWrite, 0, &key) != 0) break;
            mapped = SystemCalls.SharedMemoryMap(key);
            if (mapped <= 0) break;
            for (int page = 0; page < Count; page++) ((byte*)mapped)[page * Pages.Size] = 1;
            SystemCalls.MemoryInfo(&touched);
            deleteResult = SystemCalls.SharedMemoryDelete(key);
            SystemCalls.MemoryInfo(&deleted);
            SystemCalls.Munmap((void*)mapped, Count * Pages.Size);
            SystemCalls.MemoryInfo(&after);
        }
        Check.True(mapped > 0, "shm_create and shm_map of the measured object gave " + mapped.ToString());
        if (mapped <= 0) return;
        Check.Equal(0, deleteResult, "shm_delete of the measured object");
        Check.True(Pages.Free(before) - Pages.Free(touched) >= Count,
                   "free pages fell by " + (Pages.Free(before) - Pages.Free(touched)).ToString() + " for " + Count.ToString() + " touched pages");
        Check.Equal(Pages.Free(touched), Pages.Free(deleted), "free pages after shm_delete while still mapped");
        Check.Equal(Pages.Free(before), Pages.Free(after), "free pages after the last munmap");
    }
}
