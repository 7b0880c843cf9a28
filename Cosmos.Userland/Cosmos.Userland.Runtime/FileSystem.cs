using System;

namespace Cosmos.Userland.Runtime
{
    // Whole files and directory listings by path, reporting failures as -errno instead of throwing (an exception
    // ends a CosmosOS program): what a shell needs. System.IO.File is the BCL-shaped face over it.
    public static unsafe class FileSystem
    {
        const int ListingBytes = 8192;

        // Reads the whole file at `path`; returns 0, or -errno with `contents` null.
        public static long ReadAll(string path, out byte[] contents)
        {
            contents = null;
            byte[] name = CString.From(path);
            long fd;
            fixed (byte* namePointer = name) fd = SystemCalls.Open(namePointer, SystemCalls.OpenReadOnly, 0);
            if (fd < 0) return fd;
            long result = ReadOpenFile((int)fd, out contents);
            SystemCalls.Close((int)fd);
            return result;
        }

        static long ReadOpenFile(int fd, out byte[] contents)
        {
            contents = null;
            FileStatus status;
            long result = SystemCalls.Fstat(fd, &status);
            if (result < 0) return result;
            var buffer = new byte[status.Size];
            long total = 0;
            fixed (byte* bytes = buffer)
            {
                while (total < buffer.Length)
                {
                    long read = SystemCalls.Read(fd, bytes + total, (ulong)(buffer.Length - total));
                    if (read < 0) return read;
                    if (read == 0) break;
                    total += read;
                }
            }
            contents = total == buffer.Length ? buffer : new ReadOnlySpan<byte>(buffer, 0, (int)total).ToArray();
            return 0;
        }

        // Whether `path` names something (a file or a directory).
        public static bool Exists(string path, out bool isDirectory)
        {
            FileStatus status;
            byte[] name = CString.From(path);
            long result;
            fixed (byte* namePointer = name) result = SystemCalls.Stat(namePointer, &status);
            isDirectory = result == 0 && status.IsDirectory;
            return result == 0;
        }

        // The names in the directory at `path`, in ordinal order; returns 0, or -errno with `names` null.
        public static long ListDirectory(string path, out string[] names)
        {
            names = null;
            byte[] name = CString.From(path);
            var listing = new byte[ListingBytes];
            long length;
            fixed (byte* namePointer = name)
            fixed (byte* buffer = listing)
                length = SystemCalls.ListDirectory(namePointer, buffer, (ulong)listing.Length);
            if (length < 0) return length;
            names = SplitLines(Utf8.Decode(new ReadOnlySpan<byte>(listing, 0, (int)length)));
            Array.Sort(names, CompareOrdinal);
            return 0;
        }

        static string[] SplitLines(string text)
        {
            var lines = new System.Collections.Generic.List<string>();
            int start = 0;
            for (int end = text.IndexOf('\n'); end >= 0; start = end + 1, end = text.IndexOf('\n', start))
                lines.Add(text.Substring(start, end - start));
            if (start < text.Length) lines.Add(text.Substring(start));
            return lines.ToArray();
        }

        static int CompareOrdinal(string a, string b)
        {
            for (int i = 0; i < a.Length && i < b.Length; i++)
                if (a[i] != b[i]) return a[i] - b[i];
            return a.Length - b.Length;
        }
    }
}
