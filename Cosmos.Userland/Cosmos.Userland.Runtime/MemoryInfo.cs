namespace Cosmos.Userland.Runtime
{
    // struct memory_info of the meminfo call (docs/syscalls.md).
    public struct MemoryInfo
    {
        public ulong PageSize;
        public ulong TotalPages;
        public ulong FreePages;
        public ulong KernelHeapBytes;
        public ulong ProcessCount;
        public ulong KernelHeapPages;
    }
}
