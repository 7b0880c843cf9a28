using System;
using Cosmos.Userland.Runtime;

// /etc/motd through the file calls. COSMOS_MOTD names another copy of it, for running on a Linux host.
static unsafe class Program
{
    const string Motd = "Welcome to CosmosOS.\n";

    static int Main()
    {
        string path = Environment.GetEnvironmentVariable("COSMOS_MOTD") ?? "/etc/motd";
        byte[] name = CString.From(path);
        fixed (byte* namePointer = name)
        {
            FileStatus status;
            Check.Equal(0, SystemCalls.Stat(namePointer, &status), "stat");
            Check.Equal(Motd.Length, status.Size, "stat's size");
            Check.True(!status.IsDirectory, "stat: a file, not a directory");

            long fd = SystemCalls.Open(namePointer, SystemCalls.OpenReadOnly, 0);
            Check.True(fd >= 3, "open gave " + fd.ToString());
            if (fd < 0) return Check.Result;
            Check.Equal(0, SystemCalls.Fstat((int)fd, &status), "fstat");
            Check.Equal(Motd.Length, status.Size, "fstat's size");

            byte* buffer = stackalloc byte[64];
            long read = SystemCalls.Read((int)fd, buffer, 64);
            Check.Equal(Motd.Length, read, "read's count");
            if (read > 0) Check.Equal(Motd, Utf8.Decode(new ReadOnlySpan<byte>(buffer, (int)read)), "contents");
            Check.Equal(0, SystemCalls.Read((int)fd, buffer, 64), "read at the end");

            Check.Equal(8, SystemCalls.Lseek((int)fd, 8, SystemCalls.SeekSet), "lseek to 8");
            read = SystemCalls.Read((int)fd, buffer, 64);
            if (read > 0) Check.Equal(Motd.Substring(8), Utf8.Decode(new ReadOnlySpan<byte>(buffer, (int)read)), "contents from 8");
            Check.Equal(Motd.Length, SystemCalls.Lseek((int)fd, 0, SystemCalls.SeekEnd), "lseek to the end");
            Check.Equal(0, SystemCalls.Close((int)fd), "close");
        }
        Check.Equal(Motd, System.IO.File.ReadAllText(path), "File.ReadAllText");

        byte[] missing = CString.From("/etc/no-such-file");
        fixed (byte* missingPointer = missing)
            Check.Equal(-Errno.ENOENT, SystemCalls.Open(missingPointer, SystemCalls.OpenReadOnly, 0), "open of a missing file");
        Check.Equal(-Errno.EBADF, SystemCalls.Close(1000), "close of a bad fd");
        return Check.Result;
    }
}
