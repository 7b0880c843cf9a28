using System;
using System.Collections.Generic;
using System.Diagnostics;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using NUnit.Framework;
using static Cosmos.Kernel.Memory.Regions.MappingFlags;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // The model-based test of issue 7: seeded random sequences of mmap (anonymous and file, private and shared, fixed,
    // no-replace, hinted, chosen), munmap, mprotect, msync, user copies and faults on a small window of pages, so that
    // calls overlap and split each other all the time. After every step the address space must agree with
    // ReferenceAddressSpace: each call's result and bytes read, which pages can be read and written, which pages are
    // present (only mapped ones), and the files' bytes. Each sequence ends with Destroy, after which every frame must be
    // free again. A failure names the seed and the step; RunSequence(seed) replays it.
    [TestFixture]
    public class RandomMappingSequenceTests
    {
        const ulong Page = UserMemory.Page, Base = UserMemory.Base;
        const int WindowPages = 24;            // where calls aim
        const int CheckedPages = 40;           // where the kernel may place mappings that do not fit lower
        const int Sequences = 3000, Steps = 40;     // about 3 s on the 2-core machine
        const int MsSync = 4;

        static readonly MemoryProtection[] Protections =
        {
            MemoryProtection.None, MemoryProtection.Read, MemoryProtection.Read | MemoryProtection.Write,
            MemoryProtection.Read | MemoryProtection.Execute, MemoryProtection.Write, MemoryProtection.Read | MemoryProtection.Write,
            MemoryProtection.Write | MemoryProtection.Execute,    // always EACCES
        };

        UserMemory _memory;

        [OneTimeSetUp]
        public void CreateMemory() => _memory = new UserMemory(8 * Maps.MiB);

        [OneTimeTearDown]
        public void FreeMemory() => _memory.Dispose();

        [Test]
        public void RandomSequencesAgreeWithTheReferenceModel()
        {
            var clock = Stopwatch.StartNew();
            for (int seed = 1; seed <= Sequences; seed++) RunSequence(seed);
            TestContext.Out.WriteLine(Sequences + " sequences of " + Steps + " steps in " + clock.ElapsedMilliseconds + " ms");
        }

        void RunSequence(int seed)
        {
            var random = new Random(seed);
            ulong freeAtStart = _memory.FreePages;
            var files = new[]
            {
                new ReferenceAddressSpace.File(HostFile.WithPattern("/6144", 6144, seed)),
                new ReferenceAddressSpace.File(HostFile.WithPattern("/12288", 12288, seed + 1)),
            };
            var model = new ReferenceAddressSpace(files);
            UserAddressSpace space = _memory.NewAddressSpace();
            HostPageTable table = _memory.TableOf(space);
            var log = new List<string>();

            for (int step = 0; step < Steps; step++)
            {
                string failure = RunStep(random, space, model, files, log);
                failure ??= Compare(space, table, model, files);
                if (failure != null) Assert.Fail("seed " + seed + ", step " + step + ": " + failure + "\nsteps so far:\n  " + string.Join("\n  ", log));
            }

            _memory.Destroy(space);
            model.Destroy();
            string leak = _memory.FreePages != freeAtStart ? (freeAtStart - _memory.FreePages) + " frames not freed" : CompareFiles(files);
            if (leak == null && table.Count != 0) leak = table.Count + " pages left in the page table";
            foreach (var file in files) if (leak == null && file.Actual.SharedPages != null) leak = file.Actual.Name + " kept its shared pages";
            if (leak != null) Assert.Fail("seed " + seed + ", after Destroy: " + leak + "\nsteps:\n  " + string.Join("\n  ", log));
        }

        // Makes one random call on both; the description of a disagreement, or null.
        static string RunStep(Random random, UserAddressSpace space, ReferenceAddressSpace model, ReferenceAddressSpace.File[] files, List<string> log)
        {
            ulong page = Base + (ulong)random.Next(WindowPages) * Page;
            ulong pages = (ulong)random.Next(1, 5);
            switch (random.Next(8))
            {
                case 0:
                case 1:
                {
                    MappingFlags flags = random.Next(2) == 0 ? Private : Shared;
                    MappingFlags placement = random.Next(4) switch { 0 => Fixed, 1 => FixedNoReplace, _ => 0 };
                    ulong address = placement == 0 && random.Next(3) == 0 ? 0 : page + (placement == 0 && random.Next(4) == 0 ? 8UL : 0);
                    ulong length = pages * Page - (random.Next(3) == 0 ? (ulong)random.Next(1, (int)Page) : 0);
                    MemoryProtection protection = Protections[random.Next(Protections.Length)];
                    ReferenceAddressSpace.File file = random.Next(2) == 0 ? null : files[random.Next(files.Length)];
                    bool writable = random.Next(3) != 0;
                    ulong offset = file == null ? 0 : (ulong)random.Next(3) * Page;
                    if (file == null) flags |= Anonymous;
                    log.Add("mmap(0x" + address.ToString("x") + ", " + length + ", " + protection + ", " + (flags | placement)
                            + (file == null ? "" : ", " + file.Actual.Name + (writable ? " rw" : " ro") + " @" + offset) + ")");
                    IMappedFile descriptor = file?.Actual.Open(canRead: true, canWrite: writable);
                    Errno actual = space.Map(address, length, protection, flags | placement, descriptor, offset, out ulong mapped);
                    Errno expected = model.Map(address, length, protection, flags | placement, file, writable, offset, out ulong modelled);
                    log[^1] += " = " + actual + " 0x" + mapped.ToString("x");
                    if (actual != expected || mapped != modelled) return "mmap gave " + actual + " at 0x" + mapped.ToString("x") + ", the model " + expected + " at 0x" + modelled.ToString("x");
                    return null;
                }
                case 2:
                {
                    ulong address = page + (random.Next(3) == 0 ? (ulong)random.Next((int)Page) : 0);
                    ulong length = pages * Page - (ulong)random.Next((int)Page);
                    log.Add("munmap(0x" + address.ToString("x") + ", " + length + ")");
                    Errno actual = space.Unmap(address, length);
                    model.Unmap(address, length);
                    return actual == Errno.None ? null : "munmap gave " + actual;
                }
                case 3:
                {
                    ulong address = page + (random.Next(8) == 0 ? 16UL : 0);
                    MemoryProtection protection = Protections[random.Next(Protections.Length)];
                    log.Add("mprotect(0x" + address.ToString("x") + ", " + pages * Page + ", " + protection + ")");
                    Errno actual = space.Protect(address, pages * Page, protection);
                    Errno expected = model.Protect(address, pages * Page, protection);
                    log[^1] += " = " + actual;
                    return actual == expected ? null : "mprotect gave " + actual + ", the model " + expected;
                }
                case 4:
                {
                    log.Add("msync(0x" + page.ToString("x") + ", " + pages * Page + ")");
                    Errno actual = space.Sync(page, pages * Page, MsSync);
                    Errno expected = model.Sync(page, pages * Page);
                    log[^1] += " = " + actual;
                    return actual == expected ? null : "msync gave " + actual + ", the model " + expected;
                }
                case 5:
                {
                    ulong address = page + (ulong)random.Next((int)Page);
                    var data = new byte[random.Next(1, 3 * (int)Page)];
                    random.NextBytes(data);
                    log.Add("write(0x" + address.ToString("x") + ", " + data.Length + ")");
                    bool actual = space.CopyToUser(address, data), expected = model.CopyToUser(address, data);
                    log[^1] += " = " + actual;
                    return actual == expected ? null : "CopyToUser gave " + actual + ", the model " + expected;
                }
                case 6:
                {
                    ulong address = page + (ulong)random.Next((int)Page);
                    var data = new byte[random.Next(1, 3 * (int)Page)];
                    log.Add("read(0x" + address.ToString("x") + ", " + data.Length + ")");
                    bool actual = space.CopyFromUser(address, data);
                    byte[] expected = model.CopyFromUser(address, data.Length);
                    log[^1] += " = " + actual;
                    if (actual != (expected != null)) return "CopyFromUser gave " + actual + ", the model " + (expected != null);
                    int differs = actual ? data.AsSpan().CommonPrefixLength(expected) : data.Length;
                    return differs == data.Length ? null : "CopyFromUser read 0x" + data[differs].ToString("x2") + " at 0x" + (address + (ulong)differs).ToString("x")
                                                           + ", the model 0x" + expected[differs].ToString("x2");
                }
                default:
                {
                    ulong address = page + (ulong)random.Next((int)Page);
                    MemoryProtection access = (MemoryProtection)(1 << random.Next(3));
                    log.Add("fault(0x" + address.ToString("x") + ", " + access + ")");
                    bool actual = space.ResolveFault(address, access, out _), expected = model.ResolveFault(address, access);
                    log[^1] += " = " + actual;
                    return actual == expected ? null : "ResolveFault gave " + actual + ", the model " + expected;
                }
            }
        }

        static string Compare(UserAddressSpace space, HostPageTable table, ReferenceAddressSpace model, ReferenceAddressSpace.File[] files)
        {
            for (ulong page = Base; page < Base + CheckedPages * Page; page += Page)
            {
                if (space.CanRead(page, Page) != model.CanRead(page))
                    return "page 0x" + page.ToString("x") + (model.CanRead(page) ? " should" : " should not") + " be readable";
                if (space.CanWrite(page, Page) != model.CanWrite(page))
                    return "page 0x" + page.ToString("x") + (model.CanWrite(page) ? " should" : " should not") + " be writable";
                if (!table.IsMapped(page)) continue;
                if (!model.IsMapped(page)) return "page 0x" + page.ToString("x") + " is present but not mapped";
                PageAttributes expected = HardwareAttributes(model.ProtectionOf(page));
                if (model.CopiesOnWrite(page)) expected &= ~PageAttributes.Writable;
                if (table.AttributesOf(page) != expected)
                    return "page 0x" + page.ToString("x") + " is present with " + table.AttributesOf(page) + " for " + model.ProtectionOf(page)
                           + (model.CopiesOnWrite(page) ? ", not yet copied" : "");
            }
            return CompareFiles(files);
        }

        // What the CPU must enforce for a present page: user access unless PROT_NONE (x86-64 pages can always be
        // read), writing and executing only when asked for (and writing not before a private file page is copied).
        static PageAttributes HardwareAttributes(MemoryProtection protection)
        {
            if (protection == MemoryProtection.None) return PageAttributes.ReadOnly;
            return PageAttributes.User | ((protection & MemoryProtection.Write) != 0 ? PageAttributes.Writable : 0)
                   | ((protection & MemoryProtection.Execute) != 0 ? PageAttributes.Executable : 0);
        }

        static string CompareFiles(ReferenceAddressSpace.File[] files)
        {
            foreach (var file in files)
            {
                int differs = file.Actual.Contents.AsSpan().CommonPrefixLength(file.Expected);
                if (differs != file.Expected.Length)
                    return file.Actual.Name + " has 0x" + file.Actual.Contents[differs].ToString("x2") + " at " + differs + ", the model 0x" + file.Expected[differs].ToString("x2");
            }
            return null;
        }
    }
}
