namespace Cosmos.Kernel.Memory.Heap
{
    // When allocation pressure calls for a collection: once the bytes allocated since the last one exceed the budget,
    // which is the larger of a floor and what survived the last collection. The heap thus at most about doubles
    // between collections, and the work of a collection (which visits the whole heap) is paid for by at least as much
    // allocation.
    public sealed class CollectionBudget
    {
        readonly ulong _floor;
        ulong _budget;
        ulong _sinceCollection;

        public CollectionBudget(ulong floor)
        {
            _floor = floor;
            _budget = floor;
        }

        // Whether the allocations so far call for a collection before the next one.
        public bool IsSpent => _sinceCollection >= _budget;

        public void Allocated(ulong bytes) => _sinceCollection += bytes;

        public void Collected(ulong bytesSurviving)
        {
            _budget = bytesSurviving > _floor ? bytesSurviving : _floor;
            _sinceCollection = 0;
        }
    }
}
