namespace Cosmos.Kernel
{
    // Error numbers with Linux's values (docs/syscalls.md); system calls return them negated. None is success.
    public enum Errno
    {
        None = 0,
        EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, E2BIG = 7, ENOEXEC = 8, EBADF = 9, ECHILD = 10,
        ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17, ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22,
        EMFILE = 24, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, ERANGE = 34, ENAMETOOLONG = 36, ENOSYS = 38, EOVERFLOW = 75,
    }
}
