using System;
using System.Collections.Generic;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // read, write, open, close, lseek, stat, fstat and list_directory (docs/syscalls.md), on the process's descriptors
    // and the file system. Data crosses between user memory and the file in chunks through a kernel buffer; a bad
    // buffer is found before any byte moves, so a failed call consumes no input and writes nothing.
    static class FileCalls
    {
        const int ChunkBytes = 512;

        public static long Read(int fd, ulong address, ulong count)
        {
            Process process = ProcessTable.Current;
            IFileObject file = process.Files.Get(fd);
            if (file == null) return SystemCalls.Failure(Errno.EBADF);
            if (!process.AddressSpace.CanWrite(address, count)) return SystemCalls.Failure(Errno.EFAULT);
            Span<byte> chunk = stackalloc byte[ChunkBytes];
            ulong done = 0;
            while (done < count)
            {
                int wanted = (int)Math.Min((ulong)ChunkBytes, count - done);
                long got = file.Read(chunk.Slice(0, wanted));
                if (got < 0) return done > 0 ? (long)done : got;
                if (!process.AddressSpace.CopyToUser(address + done, chunk.Slice(0, (int)got))) return SystemCalls.Failure(Errno.EFAULT);
                done += (ulong)got;
                if (got < wanted) break;                    // end of file, or a whole console line
            }
            return (long)done;
        }

        public static long Write(int fd, ulong address, ulong count)
        {
            Process process = ProcessTable.Current;
            IFileObject file = process.Files.Get(fd);
            if (file == null) return SystemCalls.Failure(Errno.EBADF);
            if (!process.AddressSpace.CanRead(address, count)) return SystemCalls.Failure(Errno.EFAULT);
            Span<byte> chunk = stackalloc byte[ChunkBytes];
            ulong done = 0;
            while (done < count)
            {
                int length = (int)Math.Min((ulong)ChunkBytes, count - done);
                if (!process.AddressSpace.CopyFromUser(address + done, chunk.Slice(0, length))) return done > 0 ? (long)done : SystemCalls.Failure(Errno.EFAULT);
                long written = file.Write(chunk.Slice(0, length));
                if (written < 0) return done > 0 ? (long)done : written;
                done += (ulong)written;
            }
            return (long)done;
        }

        public static long Open(ulong pathAddress, int flags)
        {
            Process process = ProcessTable.Current;
            Errno error = UserStrings.ReadPath(process.AddressSpace, pathAddress, out string path);
            if (error != Errno.None) return SystemCalls.Failure(error);
            error = SystemCalls.Files.Open(path, (OpenFlags)flags, out IFileObject file);
            return error != Errno.None ? SystemCalls.Failure(error) : process.Files.Add(file);
        }

        public static long Close(int fd) => ProcessTable.Current.Files.Close(fd) ? 0 : SystemCalls.Failure(Errno.EBADF);

        public static long Seek(int fd, long offset, int whence)
        {
            IFileObject file = ProcessTable.Current.Files.Get(fd);
            return file == null ? SystemCalls.Failure(Errno.EBADF) : file.Seek(offset, whence);
        }

        public static long Status(ulong pathAddress, ulong statusAddress)
        {
            Process process = ProcessTable.Current;
            Errno error = UserStrings.ReadPath(process.AddressSpace, pathAddress, out string path);
            if (error != Errno.None) return SystemCalls.Failure(error);
            error = SystemCalls.Files.Stat(path, out FileStatus status);
            return error != Errno.None ? SystemCalls.Failure(error) : CopyStatus(process, status, statusAddress);
        }

        public static long DescriptorStatus(int fd, ulong statusAddress)
        {
            Process process = ProcessTable.Current;
            IFileObject file = process.Files.Get(fd);
            return file == null ? SystemCalls.Failure(Errno.EBADF) : CopyStatus(process, file.Status, statusAddress);
        }

        static long CopyStatus(Process process, FileStatus status, ulong address)
        {
            Span<byte> linuxStat = stackalloc byte[FileStatus.LinuxStatSize];
            status.WriteLinuxStat(linuxStat);
            return process.AddressSpace.CopyToUser(address, linuxStat) ? 0 : SystemCalls.Failure(Errno.EFAULT);
        }

        // list_directory(path, buffer, length): every name followed by '\n'; ERANGE when they do not all fit.
        public static long ListDirectory(ulong pathAddress, ulong bufferAddress, ulong length)
        {
            Process process = ProcessTable.Current;
            Errno error = UserStrings.ReadPath(process.AddressSpace, pathAddress, out string path);
            var names = new List<string>();
            if (error == Errno.None) error = SystemCalls.Files.ListDirectory(path, names);
            if (error != Errno.None) return SystemCalls.Failure(error);
            int total = 0;
            foreach (string name in names) total += name.Length + 1;
            if ((ulong)total > length) return SystemCalls.Failure(Errno.ERANGE);
            var listing = new byte[total];
            int at = 0;
            foreach (string name in names)
            {
                foreach (char c in name) listing[at++] = (byte)c;
                listing[at++] = (byte)'\n';
            }
            return process.AddressSpace.CopyToUser(bufferAddress, listing) ? total : SystemCalls.Failure(Errno.EFAULT);
        }
    }
}
