namespace Cosmos.Userland.Runtime
{
    // struct processor_info of the list_processors call: 24 bytes (docs/syscalls.md).
    public struct ProcessorInfo
    {
        public const int NotScheduling = 0, Scheduling = 1;

        public uint Index;              // 0: the boot processor, then in the order they came online
        public uint ApicId;
        public int State;               // NotScheduling (yet) or Scheduling
        public int ThreadId;            // the thread it runs now; -1 when it does not schedule yet
        public ulong ContextSwitches;
    }
}
