namespace Cosmos.Kernel.Boot
{
    // The kernel stacks that exist from boot: the boot stack (where the kernel runs) and the double-fault stack, each
    // with an unmapped guard page below it. Stack traces and the collector's stack scan both need to know which one an
    // address is on, and where its ends are.
    public static class KernelStacks
    {
        // The stack holding the address, its guard page counted (a stack pointer may sit there after an overflow):
        // bottom is its first mapped byte, top the address above its last.
        public static bool TryFind(ulong address, out ulong bottom, out ulong top)
        {
            if (Holds(address, KernelImage.BootStackGuard(), KernelImage.BootStackTop(), out bottom, out top)) return true;
            return Holds(address, KernelImage.FaultStackGuard(), KernelImage.FaultStackTop(), out bottom, out top);
        }

        static bool Holds(ulong address, ulong guard, ulong stackTop, out ulong bottom, out ulong top)
        {
            bottom = guard + KernelImage.PageSize;
            top = stackTop;
            return address >= guard && address <= stackTop;
        }
    }
}
