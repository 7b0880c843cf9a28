using System;
using System.Collections.Generic;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Loader;
using Cosmos.Kernel.Memory.Regions;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Syscalls
{
    // The file system as processes share it. MemoryFileSystem and its open files take no lock of their own
    // (docs/filesystem.md); here one mutex serializes every use of the tree and of every file opened from it, so that
    // processes preempted in the middle of a call never see a half-made change. The console is not behind it: a read
    // there waits for a line, and must not hold up everyone else's files.
    public sealed class SharedFileSystem
    {
        readonly MemoryFileSystem _files;
        readonly Mutex _lock = new Mutex();

        public SharedFileSystem(MemoryFileSystem files)
        {
            _files = files;
        }

        public Errno Open(string path, OpenFlags flags, out IFileObject file)
        {
            _lock.Lock();
            Errno error = _files.Open(path, flags, out OpenFile opened);
            _lock.Unlock();
            file = error == Errno.None ? new LockedFile(opened, _lock) : null;
            return error;
        }

        public Errno Stat(string path, out FileStatus status)
        {
            _lock.Lock();
            Errno error = _files.Stat(path, out status);
            _lock.Unlock();
            return error;
        }

        public Errno ListDirectory(string path, List<string> names)
        {
            _lock.Lock();
            Errno error = _files.ListDirectory(path, names);
            _lock.Unlock();
            return error;
        }

        // Loads the program file at path into a new address space, parsing it where it lies in the file system: under
        // the lock, so that no write changes it meanwhile.
        public Errno LoadProgram(string path, string[] arguments, string[] environment, out ProgramLoader.LoadedProgram program)
        {
            program = default;
            _lock.Lock();
            Errno error = _files.Contents(path, out ReadOnlySpan<byte> file);
            if (error == Errno.None) error = ProgramLoader.Load(path, file, arguments, environment, out program);
            _lock.Unlock();
            return error;
        }

        // An open file whose every operation holds the file system's mutex.
        sealed class LockedFile : IFileObject
        {
            readonly OpenFile _file;
            readonly Mutex _lock;

            public LockedFile(OpenFile file, Mutex fileSystemLock)
            {
                _file = file;
                _lock = fileSystemLock;
            }

            public FileStatus Status
            {
                get
                {
                    _lock.Lock();
                    FileStatus status = _file.Status;
                    _lock.Unlock();
                    return status;
                }
            }

            public IMappedFile Mapping
            {
                get
                {
                    IMappedFile mapping = _file.Mapping;
                    return mapping == null ? null : new LockedMapping(mapping, _lock);
                }
            }

            public long Read(Span<byte> buffer)
            {
                _lock.Lock();
                long result = _file.Read(buffer);
                _lock.Unlock();
                return result;
            }

            public long Write(ReadOnlySpan<byte> data)
            {
                _lock.Lock();
                long result = _file.Write(data);
                _lock.Unlock();
                return result;
            }

            public long Seek(long offset, int whence)
            {
                _lock.Lock();
                long result = _file.Seek(offset, whence);
                _lock.Unlock();
                return result;
            }
        }

        // A file's mapping whose reads and writes hold the file system's mutex. Its shared pages are guarded by
        // SharedMemoryObject's own lock.
        sealed class LockedMapping : IMappedFile
        {
            readonly IMappedFile _mapping;
            readonly Mutex _lock;

            public LockedMapping(IMappedFile mapping, Mutex fileSystemLock)
            {
                _mapping = mapping;
                _lock = fileSystemLock;
            }

            public bool CanRead => _mapping.CanRead;
            public bool CanWrite => _mapping.CanWrite;
            public string Name => _mapping.Name;

            public SharedMemoryObject SharedPages
            {
                get => _mapping.SharedPages;
                set => _mapping.SharedPages = value;
            }

            public long Length
            {
                get
                {
                    _lock.Lock();
                    long length = _mapping.Length;
                    _lock.Unlock();
                    return length;
                }
            }

            public int Read(long offset, Span<byte> destination)
            {
                _lock.Lock();
                int count = _mapping.Read(offset, destination);
                _lock.Unlock();
                return count;
            }

            public void Write(long offset, ReadOnlySpan<byte> data)
            {
                _lock.Lock();
                long length = _mapping.Length;
                // The file may have shrunk since the caller looked: what is past its end now stays out.
                if (offset < length) _mapping.Write(offset, data.Slice(0, (int)Math.Min(data.Length, length - offset)));
                _lock.Unlock();
            }
        }
    }
}
