namespace Cosmos.Userland.Runtime
{
    // struct process_info of the list_processes call: 64 bytes (docs/syscalls.md).
    public unsafe struct ProcessInfo
    {
        public const int NameLength = 40;

        public int ProcessId;
        public int ParentProcessId;     // 0 for processes the kernel started
        public int State;               // 0 running, 1 exited
        public int ThreadCount;
        public ulong ResidentPages;
        public fixed byte NameBytes[NameLength];

        // The program's path (null-terminated in the record, possibly truncated).
        public string Name
        {
            get
            {
                fixed (byte* name = NameBytes) return CString.Read(name, NameLength);
            }
        }
    }
}
