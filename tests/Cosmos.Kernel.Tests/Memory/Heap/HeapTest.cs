using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Heap
{
    // What every heap test starts from: fake types, and a host heap whose collector accepts them.
    public abstract class HeapTest
    {
        protected FakeTypes _types;
        protected HostHeap _heap;

        [SetUp]
        public void CreateHeap()
        {
            _types = new FakeTypes();
            _heap = new HostHeap(_types);
        }

        [TearDown]
        public void FreeHeap()
        {
            _heap.Dispose();
            _types.Dispose();
        }
    }
}
