namespace Cosmos.Kernel.FileSystem
{
    // What a file descriptor refers to, as stat's st_mode tells it.
    public enum FileType
    {
        RegularFile,
        Directory,
        CharacterDevice,    // the console
    }
}
