using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // Each test gets fresh simulated RAM and one address space on it (more with Memory.NewAddressSpace).
    public abstract class AddressSpaceTest
    {
        protected const ulong Page = UserMemory.Page;
        protected const ulong Base = UserMemory.Base;
        protected const MemoryProtection ReadWrite = MemoryProtection.Read | MemoryProtection.Write;

        protected UserMemory Memory { get; private set; }
        protected UserAddressSpace Space { get; private set; }

        [SetUp]
        public void CreateAddressSpace()
        {
            Memory = new UserMemory();
            Space = Memory.NewAddressSpace();
        }

        [TearDown]
        public void FreeMemory() => Memory.Dispose();
    }
}
