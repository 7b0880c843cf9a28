namespace Cosmos.Kernel.Memory.Regions
{
    // A window onto pages of a SharedMemoryObject (a shared memory object, a shared mapping of a file, or shared
    // anonymous memory): every region onto the same object page maps the same frame, which the object owns.
    public sealed class SharedRegion : MemoryRegion
    {
        readonly SharedMemoryObject _object;
        readonly ulong _firstPage;     // the object page at Start
        readonly bool _writable;       // whether the object may be written through this mapping at all

        // Takes over one mapping counted on `shared` (by SharedMemoryObject.TryAddMapping, ForFile or CreateAnonymous),
        // which it gives back when Released.
        public SharedRegion(ulong start, ulong end, MemoryProtection protection, SharedMemoryObject shared, ulong firstPage, bool writable)
            : base(start, end, protection)
        {
            _object = shared;
            _firstPage = firstPage;
            _writable = writable;
        }

        public override string Description => _object.Description;

        internal override bool Owns(ulong address, ulong frame) => false;

        internal override ulong ProvideFrame(ulong address, MemoryProtection access, IPhysicalFrames frames)
            => _object.FrameAt(PageOf(address), (Protection & MemoryProtection.Write) != 0);

        internal override void MadeWritable(ulong start, ulong end) => _object.MarkWritable(PageOf(start), PageOf(end));

        protected override MemoryRegion Part(ulong start, ulong end)
        {
            _object.AddMapping();
            return new SharedRegion(start, end, Protection, _object, PageOf(start), _writable);
        }

        internal override Errno Permits(MemoryProtection protection)
            => (protection & MemoryProtection.Write) != 0 && !_writable ? Errno.EACCES : Errno.None;

        internal override void WriteBack(ulong start, ulong end) => _object.WriteBack(PageOf(start), PageOf(end));

        internal override void Released() => _object.RemoveMapping();

        ulong PageOf(ulong address) => _firstPage + (address - Start) / PageSize;
    }
}
