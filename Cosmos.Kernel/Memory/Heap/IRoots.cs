namespace Cosmos.Kernel.Memory.Heap
{
    // Where a collection starts: whoever owns the roots reports them to the collector, as memory to scan conservatively
    // (stacks) and objects outside the heap to scan precisely.
    public interface IRoots
    {
        void Report(GarbageCollector collector);
    }
}
