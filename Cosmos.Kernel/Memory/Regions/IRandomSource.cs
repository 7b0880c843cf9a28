namespace Cosmos.Kernel.Memory.Regions
{
    // Numbers no process can predict: shared memory keys.
    public interface IRandomSource
    {
        ulong Next();
    }
}
