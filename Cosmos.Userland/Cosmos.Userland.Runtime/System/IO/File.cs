using Cosmos.Userland.Runtime;

namespace System.IO
{
    // The BCL's File, the reading subset: whole files by path through open, fstat, read and close. A failure throws
    // IOException (FileNotFoundException for a missing file) naming the path and the errno; an exception is fatal in
    // CosmosOS, so a program that must carry on checks Exists first or uses SystemCalls directly.
    public static unsafe class File
    {
        public static bool Exists(string path)
        {
            if (path == null) return false;
            FileStatus status;
            byte[] name = CString.From(path);
            fixed (byte* namePointer = name) return SystemCalls.Stat(namePointer, &status) == 0 && !status.IsDirectory;
        }

        public static byte[] ReadAllBytes(string path)
        {
            byte[] name = CString.From(path);
            long fd;
            fixed (byte* namePointer = name) fd = SystemCalls.Open(namePointer, SystemCalls.OpenReadOnly, 0);
            if (fd < 0) throw Failure(path, "open", fd);
            FileStatus status;
            long statusResult = SystemCalls.Fstat((int)fd, &status);
            if (statusResult < 0)
            {
                SystemCalls.Close((int)fd);
                throw Failure(path, "fstat", statusResult);
            }
            var contents = new byte[status.Size];
            long total = 0;
            fixed (byte* buffer = contents)
            {
                while (total < contents.Length)
                {
                    long read = SystemCalls.Read((int)fd, buffer + total, (ulong)(contents.Length - total));
                    if (read < 0)
                    {
                        SystemCalls.Close((int)fd);
                        throw Failure(path, "read", read);
                    }
                    if (read == 0) break;
                    total += read;
                }
            }
            SystemCalls.Close((int)fd);
            return total == contents.Length ? contents : new ReadOnlySpan<byte>(contents, 0, (int)total).ToArray();
        }

        public static string ReadAllText(string path) => Utf8.Decode(ReadAllBytes(path));

        static IOException Failure(string path, string call, long result)
            => -result == Errno.ENOENT ? new FileNotFoundException("Could not find file '" + path + "'.")
                                      : new IOException(call + " of '" + path + "' failed with errno " + (-result).ToString());
    }
}
