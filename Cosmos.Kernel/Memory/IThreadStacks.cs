using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Memory
{
    // The threads that are not running, whose stacks a collection must scan besides its own: Tasking's scheduler
    // reports them (the heap cannot know threads, which sit above it).
    public interface IThreadStacks
    {
        // Reports each suspended thread's live stack, from its saved stack pointer up to its top, where everything
        // it was holding (its registers included) was saved when it was switched out.
        void ReportSuspended(GarbageCollector collector);
    }
}
