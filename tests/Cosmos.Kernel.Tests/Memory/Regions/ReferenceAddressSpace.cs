using System;
using System.Collections.Generic;
using Cosmos.Kernel.Memory.Regions;
using static Cosmos.Kernel.Memory.Regions.MappingFlags;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // docs/syscalls.md's memory mappings stated page by page, with no regions, for the random sequence test to compare
    // UserAddressSpace with. Each mapped page has its protection and where its bytes come from; a page's bytes are made
    // when first touched (zeros, or the file's bytes at that moment). A file's pages are one set per file: shared
    // mappings read and write them, private ones read them until their first write gives them a copy of their own.
    // They are written back by msync and dropped, after being written back, once no page of the file is mapped. Only
    // calls whose arguments are in the user half are modelled.
    public sealed class ReferenceAddressSpace
    {
        const ulong Page = UserMemory.Page;
        const MemoryProtection WriteExecute = MemoryProtection.Write | MemoryProtection.Execute;

        public sealed class File
        {
            public File(HostFile actual)
            {
                Actual = actual;
                Expected = (byte[])actual.Contents.Clone();
            }

            public HostFile Actual { get; }
            public byte[] Expected { get; }
            public ulong Pages => ((ulong)Expected.Length + Page - 1) / Page;
            public readonly Dictionary<ulong, byte[]> SharedPages = new Dictionary<ulong, byte[]>();

            public byte[] PageFromFile(ulong filePage)
            {
                var bytes = new byte[Page];
                ulong offset = filePage * Page;
                if (offset < (ulong)Expected.Length) Expected.AsSpan((int)offset, (int)Math.Min(Page, (ulong)Expected.Length - offset)).CopyTo(bytes);
                return bytes;
            }

            public void WriteBack(ulong filePage, byte[] bytes)
            {
                ulong offset = filePage * Page;
                if (offset < (ulong)Expected.Length) bytes.AsSpan(0, (int)Math.Min(Page, (ulong)Expected.Length - offset)).CopyTo(Expected.AsSpan((int)offset));
            }
        }

        sealed class MappedPage
        {
            public MemoryProtection Protection;
            public File File;              // null: anonymous
            public bool Shared;            // a file's shared page (shared anonymous memory behaves as private)
            public bool MayWrite;          // false for a shared page of a read-only descriptor
            public ulong FilePage;
            public byte[] Own;             // a private page's bytes once touched (a file's: once written)
        }

        readonly Dictionary<ulong, MappedPage> _pages = new Dictionary<ulong, MappedPage>();
        readonly List<File> _files = new List<File>();

        public ReferenceAddressSpace(IEnumerable<File> files)
        {
            _files.AddRange(files);
        }

        public bool IsMapped(ulong page) => _pages.ContainsKey(page);

        public MemoryProtection ProtectionOf(ulong page) => _pages[page].Protection;

        public bool CanRead(ulong page) => _pages.TryGetValue(page, out MappedPage p) && p.Protection != MemoryProtection.None;

        // Whether the page is a private file page not written yet: it still shows the file's page, read-only.
        public bool CopiesOnWrite(ulong page) => _pages.TryGetValue(page, out MappedPage p) && p.File != null && !p.Shared && p.Own == null;

        public bool CanWrite(ulong page) => _pages.TryGetValue(page, out MappedPage p) && (p.Protection & MemoryProtection.Write) != 0;

        public Errno Map(ulong address, ulong length, MemoryProtection protection, MappingFlags flags, File file, bool writableDescriptor,
                         ulong offset, out ulong mapped)
        {
            mapped = 0;
            ulong pages = (length + Page - 1) / Page;
            bool shared = (flags & Shared) != 0;
            if ((protection & WriteExecute) == WriteExecute) return Errno.EACCES;
            if (file != null && shared && (protection & MemoryProtection.Write) != 0 && !writableDescriptor) return Errno.EACCES;
            if (file != null && offset / Page + pages > file.Pages) return Errno.EOVERFLOW;
            if ((flags & FixedNoReplace) != 0 && !AllFree(address, pages)) return Errno.EEXIST;
            ulong start = (flags & (Fixed | FixedNoReplace)) != 0 || (address != 0 && address % Page == 0 && AllFree(address, pages)) ? address : FirstFit(pages);
            for (ulong i = 0; i < pages; i++)
            {
                _pages[start + i * Page] = new MappedPage
                {
                    Protection = protection, File = file, Shared = shared && file != null, MayWrite = !shared || file == null || writableDescriptor,
                    FilePage = offset / Page + i,
                };
            }
            DropUnmappedSharedPages();
            mapped = start;
            return Errno.None;
        }

        public void Unmap(ulong address, ulong length)
        {
            ulong start = address - address % Page;
            for (ulong page = start; page < address + length; page += Page) _pages.Remove(page);
            DropUnmappedSharedPages();
        }

        public Errno Protect(ulong address, ulong length, MemoryProtection protection)
        {
            if (address % Page != 0) return Errno.EINVAL;
            if ((protection & WriteExecute) == WriteExecute) return Errno.EACCES;
            var pages = new List<MappedPage>();
            for (ulong page = address; page < address + length; page += Page)
            {
                if (!_pages.TryGetValue(page, out MappedPage p)) return Errno.ENOMEM;
                pages.Add(p);
            }
            if ((protection & MemoryProtection.Write) != 0 && pages.Exists(p => !p.MayWrite)) return Errno.EACCES;
            foreach (MappedPage p in pages) p.Protection = protection;
            return Errno.None;
        }

        public Errno Sync(ulong address, ulong length)
        {
            for (ulong page = address; page < address + length; page += Page)
                if (!_pages.ContainsKey(page)) return Errno.ENOMEM;
            for (ulong page = address; page < address + length; page += Page)
            {
                MappedPage p = _pages[page];
                if (p.Shared && p.File.SharedPages.TryGetValue(p.FilePage, out byte[] bytes)) p.File.WriteBack(p.FilePage, bytes);
            }
            return Errno.None;
        }

        public bool CopyToUser(ulong address, byte[] data)
        {
            if (!AllAllow(address, (ulong)data.Length, MemoryProtection.Write)) return false;
            for (int i = 0; i < data.Length; i++) Touch(address + (ulong)i, write: true)[(address + (ulong)i) % Page] = data[i];
            return true;
        }

        public byte[] CopyFromUser(ulong address, int length)
        {
            if (!AllAllow(address, (ulong)length, MemoryProtection.Read)) return null;
            var data = new byte[length];
            for (int i = 0; i < length; i++) data[i] = Touch(address + (ulong)i, write: false)[(address + (ulong)i) % Page];
            return data;
        }

        public bool ResolveFault(ulong address, MemoryProtection access)
        {
            if (!AllAllow(address, 1, access)) return false;
            Touch(address, (access & MemoryProtection.Write) != 0);
            return true;
        }

        public void Destroy()
        {
            _pages.Clear();
            DropUnmappedSharedPages();
        }

        bool AllFree(ulong address, ulong pages)
        {
            for (ulong i = 0; i < pages; i++) if (_pages.ContainsKey(address + i * Page)) return false;
            return true;
        }

        ulong FirstFit(ulong pages)
        {
            ulong start = UserMemory.Base;
            while (!AllFree(start, pages)) start += Page;
            return start;
        }

        // Whether every byte of the range lies in a page allowing `access` (pages that allow anything can be read).
        bool AllAllow(ulong address, ulong length, MemoryProtection access)
        {
            for (ulong page = address - address % Page; page < address + length; page += Page)
            {
                if (!_pages.TryGetValue(page, out MappedPage p) || p.Protection == MemoryProtection.None) return false;
                if ((access & ~MemoryProtection.Read & ~p.Protection) != 0) return false;
            }
            return true;
        }

        byte[] Touch(ulong address, bool write)
        {
            MappedPage p = _pages[address - address % Page];
            if (p.File == null) return p.Own ??= new byte[Page];
            if (p.Own != null) return p.Own;
            if (!p.File.SharedPages.TryGetValue(p.FilePage, out byte[] bytes))
                p.File.SharedPages.Add(p.FilePage, bytes = p.File.PageFromFile(p.FilePage));
            if (p.Shared || !write) return bytes;
            return p.Own = (byte[])bytes.Clone();         // a private page's first write copies it
        }

        // A file whose shared pages no page maps any more gets them written back, and they go.
        void DropUnmappedSharedPages()
        {
            foreach (File file in _files)
            {
                if (file.SharedPages.Count == 0) continue;
                bool mapped = false;
                foreach (MappedPage p in _pages.Values) mapped |= p.File == file;
                if (mapped) continue;
                foreach (KeyValuePair<ulong, byte[]> page in file.SharedPages) file.WriteBack(page.Key, page.Value);
                file.SharedPages.Clear();
            }
        }
    }
}
