namespace Cosmos.Userland.Runtime
{
    // Linux's error numbers, which CosmosOS's system calls return negated (docs/syscalls.md "Errors").
    public static class Errno
    {
        public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, E2BIG = 7, ENOEXEC = 8, EBADF = 9, ECHILD = 10;
        public const int ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17, ENODEV = 19, ENOTDIR = 20, EISDIR = 21;
        public const int EINVAL = 22, EMFILE = 24, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, ERANGE = 34, ENAMETOOLONG = 36;
        public const int ENOSYS = 38, EOVERFLOW = 75;
    }
}
