using System.Text;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Memory.Regions.UserMemory;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // Copies between the kernel and user memory (memory-spec section 2): a struct may span adjacent regions; a gap, a
    // kernel address, a range that wraps or a page that does not allow the access fails the whole copy, which then has
    // changed nothing.
    [TestFixture]
    public class UserCopyTests : AddressSpaceTest
    {
        const ulong Boundary = Base + Page;     // between two adjacent regions

        [SetUp]
        public void MapTwoAdjacentRegionsAndAGap()
        {
            MapAnonymous(Space, Base, 1);
            MapAnonymous(Space, Boundary, 1);
            MapAnonymous(Space, Base + 3 * Page, 1);    // page 2 is a gap
            FillPages(Space, Base, 2, 0x10);
        }

        [Test]
        public void AStructCopySpanningTwoAdjacentRegionsWorksBothWays()
        {
            Assert.That(Space.RegionCount, Is.EqualTo(3));
            byte[] data = { 1, 2, 3, 4, 5, 6, 7, 8 };
            Assert.That(Space.CopyToUser(Boundary - 4, data), Is.True);
            Assert.That(Read(Space, Boundary - 4, 8), Is.EqualTo(data));
        }

        [TestCase(Base + 2 * Page - 4, 8UL)]                 // into the gap
        [TestCase(Base + 3 * Page - 4, 8UL)]                 // out of the gap
        [TestCase(Boundary - 4, 2 * Page + 8)]               // over the gap from one region to another
        [TestCase(0xFFFF_8000_0000_0000, 8UL)]               // the kernel half
        [TestCase(0x0000_7FFF_FFFF_FFFCUL, 8UL)]              // across the end of the user half
        [TestCase(0xFFFF_FFFF_FFFF_FFFC, 8UL)]               // wraps around
        [TestCase(0UL, 8UL)]                                 // null
        public void ACopyTouchingMemoryOutsideTheRegionsFailsAndChangesNothing(ulong address, ulong length)
        {
            byte[] before = Read(Space, Base, 2 * (int)Page);
            var data = Filled(0xFF, (int)length);
            Assert.That(Space.CopyToUser(address, data), Is.False);
            Assert.That(Space.CopyFromUser(address, data), Is.False);
            Assert.That(Read(Space, Base, 2 * (int)Page), Is.EqualTo(before));
            Assert.That(Space.CanRead(address, length), Is.False);
            Assert.That(Space.CanWrite(address, length), Is.False);
        }

        [Test]
        public void ACopyIntoAReadOnlyRegionFailsWhole()
        {
            Assert.That(Space.Protect(Boundary, Page, MemoryProtection.Read), Is.EqualTo(Errno.None));
            Assert.That(Space.CopyToUser(Boundary - 4, Filled(0xFF, 8)), Is.False);
            Assert.That(Read(Space, Boundary - 4, 8), Is.EqualTo(new byte[] { 0x10, 0x10, 0x10, 0x10, 0x11, 0x11, 0x11, 0x11 }));
            Assert.That(Space.CanRead(Boundary - 4, 8), Is.True);
            Assert.That(Space.CanWrite(Boundary - 4, 8), Is.False);
        }

        [Test]
        public void AnEmptyCopyAlwaysSucceeds()
        {
            Assert.That(Space.CopyToUser(0xFFFF_8000_0000_0000, new byte[0]), Is.True);
            Assert.That(Space.CopyFromUser(Base + 2 * Page, new byte[0]), Is.True);
        }

        [Test]
        public void ACopyMakesTheMissingPagesItTouchesAndNoOthers()
        {
            MapAnonymous(Space, Base + 10 * Page, 4);
            Assert.That(Space.CopyToUser(Base + 11 * Page - 1, new byte[] { 1, 2 }), Is.True);
            HostPageTable table = Memory.TableOf(Space);
            Assert.That(table.IsMapped(Base + 10 * Page) && table.IsMapped(Base + 11 * Page), Is.True);
            Assert.That(table.IsMapped(Base + 12 * Page) || table.IsMapped(Base + 13 * Page), Is.False);
        }

        void WriteString(ulong address, string text) => Assert.That(Space.CopyToUser(address, Encoding.ASCII.GetBytes(text + "\0")), Is.True);

        [Test]
        public void ReadStringReadsAcrossRegionsUpToTheNul()
        {
            WriteString(Boundary - 3, "/bin/sh");
            Assert.That(Space.ReadString(Boundary - 3, 64, out bool tooLong), Is.EqualTo("/bin/sh"));
            Assert.That(tooLong, Is.False);
        }

        [Test]
        public void AStringEndingJustBeforeAGapReads()
        {
            WriteString(Base + 2 * Page - 3, "ab");
            Assert.That(Space.ReadString(Base + 2 * Page - 3, 64, out bool tooLong), Is.EqualTo("ab"));
            Assert.That(tooLong, Is.False);
        }

        [Test]
        public void AStringRunningIntoAGapIsEfault()
        {
            Assert.That(Space.CopyToUser(Base + 2 * Page - 3, Encoding.ASCII.GetBytes("abc")), Is.True);
            Assert.That(Space.ReadString(Base + 2 * Page - 3, 64, out bool tooLong), Is.Null);
            Assert.That(tooLong, Is.False);
            Assert.That(Space.ReadString(0xFFFF_8000_0000_0000, 64, out tooLong), Is.Null);
            Assert.That(tooLong, Is.False);
        }

        [Test]
        public void AStringWithoutNulWithinTheLimitIsTooLong()
        {
            WriteString(Base, "12345678");
            Assert.That(Space.ReadString(Base, 8, out bool tooLong), Is.Null);
            Assert.That(tooLong, Is.True);
            Assert.That(Space.ReadString(Base, 9, out tooLong), Is.EqualTo("12345678"));
            Assert.That(tooLong, Is.False);
        }

        [Test]
        public void ATooLongStringStoppingBeforeAGapIsNotEfault()
        {
            // The limit is reached before the gap: the string is too long, whatever lies beyond.
            Assert.That(Space.ReadString(Base + 2 * Page - 4, 4, out bool tooLong), Is.Null);
            Assert.That(tooLong, Is.True);
        }
    }
}
