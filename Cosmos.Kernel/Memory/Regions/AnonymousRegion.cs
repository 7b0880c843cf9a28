namespace Cosmos.Kernel.Memory.Regions
{
    // Private memory that reads zero until written: mmap(MAP_ANONYMOUS), a program's segments, stacks and their guard
    // pages (a PROT_NONE anonymous region described as a guard, so that running into it is reported as an overflow).
    public sealed class AnonymousRegion : MemoryRegion
    {
        public AnonymousRegion(ulong start, ulong end, MemoryProtection protection, string description)
            : base(start, end, protection)
        {
            Description = description;
        }

        public override string Description { get; }

        internal override bool Owns(ulong address, ulong frame) => true;

        internal override ulong ProvideFrame(ulong address, MemoryProtection access, IPhysicalFrames frames) => frames.AllocateZeroed();

        protected override MemoryRegion Part(ulong start, ulong end) => new AnonymousRegion(start, end, Protection, Description);
    }
}
