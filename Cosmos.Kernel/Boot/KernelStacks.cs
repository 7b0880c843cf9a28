namespace Cosmos.Kernel.Boot
{
    // Every kernel stack, each with an unmapped guard page below it: the boot stack (where the kernel starts) and the
    // double-fault stack, which exist from boot, and the threads' stacks, in an area registered later. Stack traces,
    // the stack-overflow report and the collector's stack scan all need to know which one an address is on, and where
    // its ends are.
    public static class KernelStacks
    {
        static IStackArea s_threadStacks;

        public static void AddThreadStacks(IStackArea area) => s_threadStacks = area;

        // The stack holding the address, its guard page counted (a stack pointer may sit there after an overflow):
        // bottom is its first mapped byte, top the address above its last.
        public static bool TryFind(ulong address, out ulong bottom, out ulong top)
        {
            if (Holds(address, KernelImage.BootStackGuard(), KernelImage.BootStackTop(), out bottom, out top)) return true;
            if (Holds(address, KernelImage.FaultStackGuard(), KernelImage.FaultStackTop(), out bottom, out top)) return true;
            bottom = top = 0;
            return s_threadStacks != null && s_threadStacks.TryFind(address, out bottom, out top);
        }

        // Whether the address is in a stack's guard page: where a stack overflow faults.
        public static bool IsGuardPage(ulong address) => TryFind(address, out ulong bottom, out _) && address < bottom;

        static bool Holds(ulong address, ulong guard, ulong stackTop, out ulong bottom, out ulong top)
        {
            bottom = guard + KernelImage.PageSize;
            top = stackTop;
            return address >= guard && address <= stackTop;
        }
    }
}
