namespace Cosmos.Kernel.Memory.Regions
{
    // A private mapping of a file, copy-on-write: a page first read maps the file's shared page (the same frame every
    // mapping of the file uses, see SharedMemoryObject) read-only; the first write to it, or a first touch that is a
    // write, gives the process a copy of its own, which no other mapping and never the file sees. Until then the
    // page shows what shared mappings write. Bytes past the end of the file read zero.
    public sealed class FileBackedRegion : MemoryRegion
    {
        readonly IMappedFile _file;
        readonly SharedMemoryObject _pages;
        readonly ulong _firstPage;     // the file page at Start

        // Takes over one mapping counted on `pages`, the file's shared pages (SharedMemoryObject.ForFile), which it
        // gives back when Released.
        public FileBackedRegion(ulong start, ulong end, MemoryProtection protection, IMappedFile file, SharedMemoryObject pages, ulong firstPage)
            : base(start, end, protection)
        {
            _file = file;
            _pages = pages;
            _firstPage = firstPage;
        }

        public override string Description => "private mapping of " + _file.Name;

        internal override bool Owns(ulong address, ulong frame) => frame != _pages.FrameIfMade(PageOf(address));

        internal override bool CopiesOnWrite(ulong address, ulong frame) => !Owns(address, frame);

        internal override ulong ProvideFrame(ulong address, MemoryProtection access, IPhysicalFrames frames)
        {
            ulong shared = _pages.FrameAt(PageOf(address), writable: false);
            if (shared == 0 || (access & MemoryProtection.Write) == 0) return shared;
            ulong copy = frames.AllocateZeroed();
            if (copy != 0) frames.Bytes(shared).CopyTo(frames.Bytes(copy));
            return copy;
        }

        protected override MemoryRegion Part(ulong start, ulong end)
        {
            _pages.AddMapping();
            return new FileBackedRegion(start, end, Protection, _file, _pages, PageOf(start));
        }

        internal override void Released() => _pages.RemoveMapping();

        ulong PageOf(ulong address) => _firstPage + (address - Start) / PageSize;
    }
}
