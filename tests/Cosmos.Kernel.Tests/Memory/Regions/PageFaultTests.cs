using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Tests.Memory.Regions.UserMemory;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // What the page-fault handler gets from ResolveFault (demand paging, or the reason the process dies), and Load,
    // which fills the pages of regions the kernel made whatever their protection.
    [TestFixture]
    public class PageFaultTests : AddressSpaceTest
    {
        const MemoryProtection Read = MemoryProtection.Read, Write = MemoryProtection.Write, Execute = MemoryProtection.Execute;

        ulong AddRegion(ulong page, MemoryProtection protection, string description = "test region")
        {
            ulong start = Base + page * Page;
            Assert.That(Space.Add(new AnonymousRegion(start, start + Page, protection, description)), Is.EqualTo(Errno.None));
            return start;
        }

        [TestCase(Read | Write, Read, PageAttributes.User | PageAttributes.Writable)]
        [TestCase(Read | Write, Write, PageAttributes.User | PageAttributes.Writable)]
        [TestCase(Read, Read, PageAttributes.User)]
        [TestCase(Read | Execute, Execute, PageAttributes.User | PageAttributes.Executable)]
        [TestCase(Write, Read, PageAttributes.User | PageAttributes.Writable)]     // x86-64 pages can always be read
        public void AnAllowedAccessMakesTheZeroedPage(MemoryProtection protection, MemoryProtection access, PageAttributes attributes)
        {
            ulong address = AddRegion(0, protection);
            Assert.That(Space.ResolveFault(address + 123, access, out string violation), Is.True);
            Assert.That(violation, Is.Null);
            HostPageTable table = Memory.TableOf(Space);
            Assert.That(table.AttributesOf(address), Is.EqualTo(attributes));
            Assert.That(Space.ResidentPages, Is.EqualTo(1));
            table.TryQuery(address, out ulong frame);
            Assert.That(Memory.Frames.Bytes(frame).ToArray(), Is.EqualTo(new byte[Page]), "simulated RAM is poisoned: the page was cleared");
        }

        [TestCase(Read, Write)]
        [TestCase(Read | Execute, Write)]
        [TestCase(Read | Write, Execute)]
        [TestCase(Read, Execute)]
        [TestCase(MemoryProtection.None, Read)]
        [TestCase(MemoryProtection.None, Write)]
        [TestCase(MemoryProtection.None, Execute)]
        public void AnAccessTheRegionDoesNotAllowIsRefusedNamingTheRegion(MemoryProtection protection, MemoryProtection access)
        {
            ulong address = AddRegion(0, protection, "the heap");
            Assert.That(Space.ResolveFault(address, access, out string violation), Is.False);
            Assert.That(violation, Does.Contain("the heap"));
            Assert.That(Memory.TableOf(Space).Count, Is.Zero);
        }

        [Test]
        public void AFaultWhereNothingIsMappedIsRefused()
        {
            AddRegion(0, Read | Write);
            Assert.That(Space.ResolveFault(Base + Page, Read, out string violation), Is.False);
            Assert.That(violation, Is.EqualTo("no mapping there"));
            Assert.That(Space.ResolveFault(0xFFFF_8000_0000_1000, Read, out violation), Is.False);
            Assert.That(violation, Is.EqualTo("no mapping there"));
        }

        [Test]
        public void RunningIntoTheStackGuardIsReportedAsAStackOverflow()
        {
            AddRegion(0, MemoryProtection.None, UserAddressSpace.StackGuardDescription);
            AddRegion(1, Read | Write, "stack");
            Assert.That(Space.ResolveFault(Base + Page - 8, Write, out string violation), Is.False);
            Assert.That(violation, Does.Contain("stack overflow"));
            Assert.That(Space.ResolveFault(Base + Page, Write, out _), Is.True);
        }

        [Test]
        public void AFaultOnAPresentPageRewritesItsEntryAndSucceeds()
        {
            ulong address = AddRegion(0, Read | Write);
            Assert.That(Space.ResolveFault(address, Write, out _), Is.True);
            Assert.That(Space.ResolveFault(address, Write, out _), Is.True);
            Assert.That(Space.ResidentPages, Is.EqualTo(1));
        }

        [Test]
        public void WithoutMemoryForThePageTheFaultIsRefused()
        {
            ulong address = AddRegion(0, Read | Write);
            ulong[] taken = Memory.Ram.Exhaust();
            Assert.That(Space.ResolveFault(address, Write, out string violation), Is.False);
            Assert.That(violation, Is.EqualTo("out of memory for the page"));
            Memory.Ram.GiveBack(taken);
            Assert.That(Space.ResolveFault(address, Write, out _), Is.True);
        }

        [Test]
        public void LoadFillsReadOnlyRegions()
        {
            ulong text = AddRegion(0, Read | Execute);
            ulong data = AddRegion(1, Read);
            byte[] image = Filled(0xC3, (int)Page + 100);
            Assert.That(Space.Load(text + 10, image), Is.True);
            Assert.That(Space.CopyFromUser(text, new byte[1]), Is.True);
            Assert.That(UserMemory.Read(Space, text + 10, image.Length), Is.EqualTo(image));
            Assert.That(UserMemory.Read(Space, text, 10), Is.EqualTo(new byte[10]));
            Assert.That(Memory.TableOf(Space).AttributesOf(data), Is.EqualTo(PageAttributes.User), "the page keeps its region's protection");
            Assert.That(Space.CopyToUser(data, new byte[1]), Is.False);
        }

        [Test]
        public void AddRefusesOverlapsAndRangesOutsideTheUserHalf()
        {
            AddRegion(0, Read);
            Assert.That(Space.Add(new AnonymousRegion(Base, Base + 2 * Page, Read, "x")), Is.EqualTo(Errno.EEXIST));
            Assert.That(Space.Add(new AnonymousRegion(0, Page, Read, "x")), Is.EqualTo(Errno.EINVAL));
            Assert.That(Space.Add(new AnonymousRegion(Base + 5 * Page + 1, Base + 6 * Page, Read, "x")), Is.EqualTo(Errno.EINVAL));
            Assert.That(Space.RegionCount, Is.EqualTo(1));
        }
    }
}
