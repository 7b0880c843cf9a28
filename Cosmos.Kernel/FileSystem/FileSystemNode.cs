namespace Cosmos.Kernel.FileSystem
{
    // A directory or a regular file of the MemoryFileSystem.
    abstract class FileSystemNode
    {
        public abstract FileStatus Status { get; }
    }
}
