namespace Cosmos.Kernel.Boot
{
    // A range of kernel stacks that come and go after boot (the threads'), which KernelStacks asks when an address is
    // on none of the boot-time stacks.
    public interface IStackArea
    {
        // The stack holding the address, its guard page counted: bottom is its first mapped byte, top the address
        // above its last.
        bool TryFind(ulong address, out ulong bottom, out ulong top);
    }
}
