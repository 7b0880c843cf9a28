using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Memory.Regions.MappingFlags;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // Every error code docs/syscalls.md ("Memory mappings") gives mmap, munmap, mprotect and msync; a failed call changes
    // nothing.
    [TestFixture]
    public class MappingErrorTests : AddressSpaceTest
    {
        const ulong UserEnd = UserAddressSpace.UserEnd;

        Errno Mmap(ulong address, ulong length, MemoryProtection protection, MappingFlags flags, IMappedFile file = null, ulong offset = 0)
            => Space.Map(address, length, protection, flags, file, offset, out _);

        static IMappedFile ReadOnlyFile() => HostFile.WithPattern("/data", 3 * (int)Page, 1).Open(canRead: true, canWrite: false);

        static IMappedFile WriteOnlyFile() => HostFile.WithPattern("/data", 3 * (int)Page, 1).Open(canRead: false, canWrite: true);

        void AssertNothingMapped()
        {
            Assert.That(Space.RegionCount, Is.Zero);
            Assert.That(Memory.TableOf(Space).Count, Is.Zero);
        }

        [Test]
        public void MmapOfLengthZeroIsEinval()
        {
            Assert.That(Mmap(0, 0, ReadWrite, Private | Anonymous), Is.EqualTo(Errno.EINVAL));
            AssertNothingMapped();
        }

        [TestCase(0x40000)]    // a flag bit mmap does not know
        [TestCase(0x08)]
        public void MmapWithAnUnknownFlagIsEinval(int flag)
        {
            Assert.That(Mmap(0, Page, ReadWrite, Private | Anonymous | (MappingFlags)flag), Is.EqualTo(Errno.EINVAL));
            AssertNothingMapped();
        }

        [Test]
        public void MmapWithAnUnknownProtectionBitIsEinval()
        {
            Assert.That(Mmap(0, Page, (MemoryProtection)8 | MemoryProtection.Read, Private | Anonymous), Is.EqualTo(Errno.EINVAL));
            AssertNothingMapped();
        }

        [TestCase(Anonymous)]
        [TestCase(Shared | Private | Anonymous)]
        public void MmapNeedsExactlyOneOfSharedAndPrivate(MappingFlags flags)
        {
            Assert.That(Mmap(0, Page, ReadWrite, flags), Is.EqualTo(Errno.EINVAL));
            AssertNothingMapped();
        }

        [TestCase(0UL, Fixed)]
        [TestCase(Base + 1, Fixed)]
        [TestCase(0UL, FixedNoReplace)]
        [TestCase(Base + 0x800, FixedNoReplace)]
        public void AFixedAddressThatIsZeroOrUnalignedIsEinval(ulong address, MappingFlags placement)
        {
            Assert.That(Mmap(address, Page, ReadWrite, Private | Anonymous | placement), Is.EqualTo(Errno.EINVAL));
            AssertNothingMapped();
        }

        [Test]
        public void AFileMappingAtAnUnalignedOffsetIsEinval()
        {
            Assert.That(Mmap(0, Page, MemoryProtection.Read, Private, ReadOnlyFile(), 100), Is.EqualTo(Errno.EINVAL));
            AssertNothingMapped();
        }

        [Test]
        public void WritableAndExecutableAtOnceIsEaccesForMmapAndMprotect()
        {
            Assert.That(Mmap(0, Page, MemoryProtection.Write | MemoryProtection.Execute, Private | Anonymous), Is.EqualTo(Errno.EACCES));
            AssertNothingMapped();
            UserMemory.MapAnonymous(Space, Base, 1);
            Assert.That(Space.Protect(Base, Page, MemoryProtection.All), Is.EqualTo(Errno.EACCES));
            Assert.That(Space.CanWrite(Base, Page), Is.True);
        }

        [TestCase(UserEnd - Page, 2 * Page)]         // runs past the user half
        [TestCase(0xFFFF_8000_0000_0000, Page)]      // the kernel half
        [TestCase(UserEnd, Page)]
        public void AFixedRangeOutsideTheUserHalfIsEnomem(ulong address, ulong length)
        {
            Assert.That(Mmap(address, length, ReadWrite, Private | Anonymous | Fixed), Is.EqualTo(Errno.ENOMEM));
            AssertNothingMapped();
        }

        [Test]
        public void ALengthLargerThanTheUserHalfIsEnomem()
        {
            Assert.That(Mmap(0, UserEnd + Page, ReadWrite, Private | Anonymous), Is.EqualTo(Errno.ENOMEM));
            Assert.That(Mmap(0, ulong.MaxValue, ReadWrite, Private | Anonymous), Is.EqualTo(Errno.ENOMEM));
            AssertNothingMapped();
        }

        [Test]
        public void WhenNoGapAboveTheMappingBaseIsLargeEnoughMmapIsEnomem()
        {
            Assert.That(Mmap(0, UserEnd - Base + Page, ReadWrite, Private | Anonymous), Is.EqualTo(Errno.ENOMEM));
            AssertNothingMapped();
        }

        [Test]
        public void PrivateFileMappingNeedsTheFileOpenForReading()
        {
            Assert.That(Mmap(0, Page, MemoryProtection.Read, Private, WriteOnlyFile()), Is.EqualTo(Errno.EACCES));
            AssertNothingMapped();
        }

        [Test]
        public void SharedWritableFileMappingNeedsTheFileOpenForWriting()
        {
            Assert.That(Mmap(0, Page, ReadWrite, Shared, ReadOnlyFile()), Is.EqualTo(Errno.EACCES));
            AssertNothingMapped();
            // Read-only, or private, it may be mapped.
            Assert.That(Mmap(0, Page, MemoryProtection.Read, Shared, ReadOnlyFile()), Is.EqualTo(Errno.None));
            Assert.That(Mmap(0, Page, ReadWrite, Private, ReadOnlyFile()), Is.EqualTo(Errno.None));
        }

        [Test]
        public void MunmapOfLengthZeroIsEinval()
        {
            UserMemory.MapAnonymous(Space, Base, 1);
            Assert.That(Space.Unmap(Base, 0), Is.EqualTo(Errno.EINVAL));
            Assert.That(Space.RegionCount, Is.EqualTo(1));
        }

        [TestCase(0UL, Page)]                            // page 0 is not user memory
        [TestCase(UserEnd - Page, 2 * Page)]
        [TestCase(0xFFFF_8000_0000_0000, Page)]
        [TestCase(Base, ulong.MaxValue)]                 // wraps
        [TestCase(UserEnd - Page + 1, Page)]             // the rounding carries it past the end
        public void MunmapOutsideTheUserHalfIsEinval(ulong address, ulong length)
        {
            UserMemory.MapAnonymous(Space, Base, 1);
            Assert.That(Space.Unmap(address, length), Is.EqualTo(Errno.EINVAL));
            Assert.That(Space.RegionCount, Is.EqualTo(1));
        }

        [Test]
        public void MunmapWhereNothingIsMappedSucceeds()
        {
            Assert.That(Space.Unmap(Base, 16 * Page), Is.EqualTo(Errno.None));
        }

        [Test]
        public void MprotectOfLengthZeroOrAnUnalignedAddressIsEinval()
        {
            UserMemory.MapAnonymous(Space, Base, 2);
            Assert.That(Space.Protect(Base, 0, MemoryProtection.Read), Is.EqualTo(Errno.EINVAL));
            Assert.That(Space.Protect(Base + 1, Page, MemoryProtection.Read), Is.EqualTo(Errno.EINVAL));
            Assert.That(Space.Protect(Base, Page, (MemoryProtection)16), Is.EqualTo(Errno.EINVAL));
            Assert.That(Space.CanWrite(Base, 2 * Page), Is.True);
            Assert.That(Space.RegionCount, Is.EqualTo(1));
        }

        [Test]
        public void MprotectOverAnUnmappedPageIsEnomemAndChangesNothing()
        {
            UserMemory.MapAnonymous(Space, Base, 1);
            UserMemory.MapAnonymous(Space, Base + 2 * Page, 1);
            Assert.That(Space.Protect(Base, 3 * Page, MemoryProtection.Read), Is.EqualTo(Errno.ENOMEM));
            Assert.That(Space.CanWrite(Base, Page), Is.True);
            Assert.That(Space.CanWrite(Base + 2 * Page, Page), Is.True);
            Assert.That(Space.Protect(UserEnd, Page, MemoryProtection.Read), Is.EqualTo(Errno.ENOMEM));
        }

        [Test]
        public void MprotectWritableOfASharedMappingOfAReadOnlyFileIsEaccesAndChangesNothing()
        {
            UserMemory.MapAnonymous(Space, Base, 1);
            UserMemory.Map(Space, Base + Page, 2 * Page, MemoryProtection.Read, Shared | Fixed, ReadOnlyFile());
            Assert.That(Space.Protect(Base, 3 * Page, MemoryProtection.Read | MemoryProtection.Write), Is.EqualTo(Errno.EACCES));
            Assert.That(Space.RegionCount, Is.EqualTo(2), "a failed mprotect splits nothing");
            Assert.That(Space.CanWrite(Base + Page, 1), Is.False);
            Assert.That(Space.CanWrite(Base, Page), Is.True);
        }

        [TestCase(8)]         // unknown flag
        [TestCase(1 | 4)]     // MS_ASYNC and MS_SYNC
        public void MsyncWithBadFlagsIsEinval(int flags)
        {
            UserMemory.MapAnonymous(Space, Base, 1);
            Assert.That(Space.Sync(Base, Page, flags), Is.EqualTo(Errno.EINVAL));
        }

        [Test]
        public void MsyncAtAnUnalignedAddressIsEinval()
        {
            UserMemory.MapAnonymous(Space, Base, 1);
            Assert.That(Space.Sync(Base + 8, Page, 4), Is.EqualTo(Errno.EINVAL));
        }

        [TestCase(1)]
        [TestCase(4)]
        [TestCase(4 | 2)]
        public void MsyncOverAnUnmappedPageIsEnomem(int flags)
        {
            UserMemory.MapAnonymous(Space, Base, 1);
            Assert.That(Space.Sync(Base, 2 * Page, flags), Is.EqualTo(Errno.ENOMEM));
            Assert.That(Space.Sync(Base, Page, flags), Is.EqualTo(Errno.None));
        }
    }
}
