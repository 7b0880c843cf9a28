using System.Collections.Generic;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Memory.Regions.UserMemory;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // shm_create/shm_map/shm_delete/shm_grant and spawn's inheritance (docs/syscalls.md, "Shared memory";
    // memory-spec section 8). Processes are numbers here: 1 creates, 2 and 3 are others.
    [TestFixture]
    public class SharedMemoryDirectoryTests : AddressSpaceTest
    {
        const int Creator = 1, Other = 2, Third = 3;

        SharedMemoryDirectory _directory;
        ulong _freeAtStart;

        [SetUp]
        public void CreateDirectory()
        {
            _directory = new SharedMemoryDirectory(Memory.Frames, new ScriptedRandom());
            _freeAtStart = Memory.FreePages;
        }

        ulong Create(int flags = 0, ulong length = 2 * Page)
        {
            Assert.That(_directory.Create(length, ReadWrite, flags, Creator, out ulong key), Is.EqualTo(Errno.None));
            return key;
        }

        ulong MapInto(UserAddressSpace space, ulong key, int process)
        {
            Assert.That(_directory.Open(key, process, out SharedMemoryObject shared), Is.EqualTo(Errno.None));
            Assert.That(space.MapShared(shared, out ulong mapped), Is.EqualTo(Errno.None));
            return mapped;
        }

        [Test]
        public void KeysAreNonZeroAndUniqueEvenWhenTheRandomSourceRepeats()
        {
            _directory = new SharedMemoryDirectory(Memory.Frames, new ScriptedRandom(0, 5, 5, 0, 6));
            var keys = new List<ulong>();
            for (int i = 0; i < 2; i++)
            {
                Assert.That(_directory.Create(Page, ReadWrite, 0, Creator, out ulong key), Is.EqualTo(Errno.None));
                keys.Add(key);
            }
            Assert.That(keys, Is.EqualTo(new[] { 5UL, 6UL }));
        }

        [TestCase(0UL, MemoryProtection.Read, 0)]
        [TestCase(Page, (MemoryProtection)8, 0)]
        [TestCase(Page, MemoryProtection.Read, 2)]
        public void CreateWithLengthZeroOrUnknownBitsIsEinval(ulong length, MemoryProtection protection, int flags)
        {
            Assert.That(_directory.Create(length, protection, flags, Creator, out ulong key), Is.EqualTo(Errno.EINVAL));
            Assert.That(key, Is.Zero);
            Assert.That(_directory.Count, Is.Zero);
        }

        [Test]
        public void AnUnknownKeyIsEnoentForEveryCall()
        {
            ulong key = Create();
            Assert.That(_directory.Open(key + 1, Creator, out _), Is.EqualTo(Errno.ENOENT));
            Assert.That(_directory.Delete(key + 1, Creator), Is.EqualTo(Errno.ENOENT));
            Assert.That(_directory.Grant(key + 1, Creator, Other), Is.EqualTo(Errno.ENOENT));
        }

        [Test]
        public void WithoutTheRightEveryCallIsEacces()
        {
            ulong key = Create();
            Assert.That(_directory.Open(key, Other, out SharedMemoryObject shared), Is.EqualTo(Errno.EACCES));
            Assert.That(shared, Is.Null);
            Assert.That(_directory.Delete(key, Other), Is.EqualTo(Errno.EACCES));
            Assert.That(_directory.Grant(key, Other, Third), Is.EqualTo(Errno.EACCES));
            Assert.That(_directory.Open(key, Third, out _), Is.EqualTo(Errno.EACCES));
            Assert.That(_directory.Count, Is.EqualTo(1));
        }

        [Test]
        public void AGrantedProcessSharesTheSamePagesBothWays()
        {
            ulong key = Create();
            Assert.That(_directory.Grant(key, Creator, Other), Is.EqualTo(Errno.None));
            UserAddressSpace other = Memory.NewAddressSpace();
            ulong here = MapInto(Space, key, Creator), there = MapInto(other, key, Other);
            Assert.That(Read(Space, here, (int)(2 * Page)), Is.EqualTo(new byte[2 * Page]), "zero on first touch");
            Assert.That(Space.CopyToUser(here + Page, new byte[] { 1 }), Is.True);
            Assert.That(other.CopyToUser(there, new byte[] { 2 }), Is.True);
            Assert.That(Read(other, there + Page, 1), Is.EqualTo(new byte[] { 1 }));
            Assert.That(Read(Space, here, 1), Is.EqualTo(new byte[] { 2 }));
            Assert.That(_directory.Open(key, Third, out _), Is.EqualTo(Errno.EACCES), "a third process still has no right");
        }

        [Test]
        public void AGranteeMayGrantOnAndDelete()
        {
            ulong key = Create();
            Assert.That(_directory.Grant(key, Creator, Other), Is.EqualTo(Errno.None));
            Assert.That(_directory.Grant(key, Other, Third), Is.EqualTo(Errno.None));
            Assert.That(_directory.Delete(key, Third), Is.EqualTo(Errno.None));
            Assert.That(_directory.Open(key, Creator, out _), Is.EqualTo(Errno.ENOENT));
        }

        [Test]
        public void OnlyInheritableObjectsPassToChildren()
        {
            ulong inheritable = Create(SharedMemoryDirectory.InheritFlag), plain = Create();
            _directory.Inherit(Creator, Other);
            _directory.Inherit(Other, Third);
            Assert.That(_directory.Open(inheritable, Other, out _), Is.EqualTo(Errno.None));
            Assert.That(_directory.Open(inheritable, Third, out _), Is.EqualTo(Errno.None), "and to their children");
            Assert.That(_directory.Open(plain, Other, out _), Is.EqualTo(Errno.EACCES));
        }

        [Test]
        public void DeleteStopsNewMappingsButExistingOnesKeepWorkingUntilTheLast()
        {
            ulong key = Create();
            Assert.That(_directory.Open(key, Creator, out SharedMemoryObject shared), Is.EqualTo(Errno.None));
            UserAddressSpace other = Memory.NewAddressSpace();
            ulong here = MapInto(Space, key, Creator), there = MapInto(other, key, Creator);
            FillPages(Space, here, 2, 0x30);

            Assert.That(_directory.Delete(key, Creator), Is.EqualTo(Errno.None));
            Assert.That(_directory.Open(key, Creator, out _), Is.EqualTo(Errno.ENOENT));
            Assert.That(Space.MapShared(shared, out _), Is.EqualTo(Errno.ENOENT), "an object opened before the delete takes no new mapping");
            Assert.That(Read(other, there + Page, 1), Is.EqualTo(new byte[] { 0x31 }));
            Assert.That(other.CopyToUser(there, new byte[] { 5 }), Is.True);
            Assert.That(Read(Space, here, 1), Is.EqualTo(new byte[] { 5 }));

            Memory.Destroy(Space);
            Assert.That(_freeAtStart - Memory.FreePages, Is.EqualTo(2));
            Memory.Destroy(other);
            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart));
        }

        [Test]
        public void AnUndeletedObjectKeepsItsPagesWithoutMappings()
        {
            ulong key = Create();
            ulong mapped = MapInto(Space, key, Creator);
            Assert.That(Space.CopyToUser(mapped, new byte[] { 8 }), Is.True);
            Assert.That(Space.Unmap(mapped, 2 * Page), Is.EqualTo(Errno.None));
            Assert.That(Read(Space, MapInto(Space, key, Creator), 1), Is.EqualTo(new byte[] { 8 }));
        }

        [Test]
        public void ForgettingTheLastHolderDeletesTheObjectAndFreesItsPages()
        {
            ulong key = Create();
            Assert.That(_directory.Grant(key, Creator, Other), Is.EqualTo(Errno.None));
            ulong mapped = MapInto(Space, key, Creator);
            FillPages(Space, mapped, 2, 1);
            Memory.Destroy(Space);

            _directory.Forget(Creator);
            Assert.That(_directory.Count, Is.EqualTo(1), "process 2 still has the right");
            Assert.That(_freeAtStart - Memory.FreePages, Is.EqualTo(2));
            _directory.Forget(Other);
            Assert.That(_directory.Count, Is.Zero);
            Assert.That(_directory.Open(key, Other, out _), Is.EqualTo(Errno.ENOENT));
            Assert.That(Memory.FreePages, Is.EqualTo(_freeAtStart));
        }

        [Test]
        public void MapSharedUsesTheObjectsProtection()
        {
            Assert.That(_directory.Create(Page, MemoryProtection.Read, 0, Creator, out ulong key), Is.EqualTo(Errno.None));
            ulong mapped = MapInto(Space, key, Creator);
            Assert.That(Space.CanRead(mapped, Page), Is.True);
            Assert.That(Space.CanWrite(mapped, 1), Is.False);
            Assert.That(Space.Protect(mapped, Page, ReadWrite), Is.EqualTo(Errno.EACCES), "mprotect cannot add write to a read-only object");
            Assert.That(Space.CanWrite(mapped, 1), Is.False);
        }

        [Test]
        public void AnObjectOfAPartialPageOccupiesAWholePage()
        {
            ulong key = Create(length: 100);
            ulong mapped = MapInto(Space, key, Creator);
            Assert.That(Space.CanWrite(mapped, Page), Is.True);
            Assert.That(Space.CanRead(mapped + Page, 1), Is.False);
        }
    }
}
