namespace Cosmos.Userland.Runtime
{
    // Linux's 144-byte struct stat, of which CosmosOS fills st_mode and st_size (docs/syscalls.md).
    public unsafe struct FileStatus
    {
        const int ModeOffset = 24, SizeOffset = 48;
        const uint FileTypeMask = 0xF000, DirectoryType = 0x4000;

        fixed byte _bytes[144];

        public uint Mode
        {
            get { fixed (byte* bytes = _bytes) return *(uint*)(bytes + ModeOffset); }
        }

        public long Size
        {
            get { fixed (byte* bytes = _bytes) return *(long*)(bytes + SizeOffset); }
        }

        public bool IsDirectory => (Mode & FileTypeMask) == DirectoryType;
    }
}
