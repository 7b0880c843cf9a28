namespace Cosmos.Kernel.Memory.Regions
{
    // A private mapping of a file: each page is the process's own copy of the file's bytes, taken when the page is
    // first touched (the in-memory file system keeps file data on the kernel heap, not in frames that could be shared
    // until written). Bytes past the end of the file read zero; writes never reach the file.
    public sealed class FileBackedRegion : MemoryRegion
    {
        readonly IMappedFile _file;
        readonly ulong _offset;        // the file offset of Start

        public FileBackedRegion(ulong start, ulong end, MemoryProtection protection, IMappedFile file, ulong offset)
            : base(start, end, protection)
        {
            _file = file;
            _offset = offset;
        }

        public override string Description => "private mapping of " + _file.Name;

        internal override bool OwnsFrames => true;

        internal override ulong ProvideFrame(ulong address, IPhysicalFrames frames)
        {
            ulong frame = frames.AllocateZeroed();
            if (frame != 0) _file.Read((long)(_offset + (address - Start)), frames.Bytes(frame));
            return frame;
        }

        protected override MemoryRegion Part(ulong start, ulong end)
            => new FileBackedRegion(start, end, Protection, _file, _offset + (start - Start));
    }
}
