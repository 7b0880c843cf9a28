namespace Cosmos.Kernel.FileSystem
{
    // A process's open files by descriptor number: the lowest free number is used first, as POSIX requires.
    public sealed class FileDescriptorTable
    {
        public const int Capacity = 64;

        readonly IFileObject[] _files = new IFileObject[Capacity];

        // How many descriptors are open.
        public int Count { get; private set; }

        // The lowest free descriptor, now referring to file, or -EMFILE when all Capacity are taken.
        public int Add(IFileObject file)
        {
            for (int fd = 0; fd < Capacity; fd++)
            {
                if (_files[fd] != null) continue;
                _files[fd] = file;
                Count++;
                return fd;
            }
            return -(int)Errno.EMFILE;
        }

        // The file fd refers to, or null when fd (any int) is not open.
        public IFileObject Get(int fd) => (uint)fd < Capacity ? _files[fd] : null;

        // False when fd was not open.
        public bool Close(int fd)
        {
            if (Get(fd) == null) return false;
            _files[fd] = null;
            Count--;
            return true;
        }

        public void CloseAll()
        {
            for (int fd = 0; fd < Capacity; fd++) _files[fd] = null;
            Count = 0;
        }
    }
}
