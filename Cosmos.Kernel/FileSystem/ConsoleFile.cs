using System;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.FileSystem
{
    // The console as a file: what descriptors 0, 1 and 2 of every process refer to. Reading waits for a whole line,
    // typed with echo and backspace as on a terminal in canonical mode, and gives it with its newline; what a short
    // read leaves of the line comes with the next. Writing prints. One console, shared by every process.
    public sealed class ConsoleFile : IFileObject
    {
        const int LineCapacity = 255;
        const long SeekNotPossible = -(long)Errno.ESPIPE;

        public static readonly ConsoleFile Instance = new ConsoleFile();

        readonly Mutex _reading = new Mutex();
        byte[] _line = new byte[0];
        int _lineOffset;

        ConsoleFile() { }

        public FileStatus Status => new FileStatus(FileType.CharacterDevice, 0);

        public Cosmos.Kernel.Memory.Regions.IMappedFile Mapping => null;

        public long Read(Span<byte> buffer)
        {
            if (buffer.Length == 0) return 0;
            _reading.Lock();
            if (_lineOffset == _line.Length && !TakeLine())
            {
                _reading.Unlock();
                return -(long)Errno.EINTR;
            }
            int count = Math.Min(buffer.Length, _line.Length - _lineOffset);
            new ReadOnlySpan<byte>(_line, _lineOffset, count).CopyTo(buffer);
            _lineOffset += count;
            _reading.Unlock();
            return count;
        }

        public long Write(ReadOnlySpan<byte> data)
        {
            foreach (byte b in data) KernelLog.Write((char)b);
            return data.Length;
        }

        public long Seek(long offset, int whence) => SeekNotPossible;

        // False when the wait for the line was interrupted (the reader's process is ending).
        bool TakeLine()
        {
            string text = ConsoleInput.ReadLine(LineCapacity);
            if (text == null) return false;
            _line = new byte[text.Length + 1];
            for (int i = 0; i < text.Length; i++) _line[i] = (byte)text[i];
            _line[text.Length] = (byte)'\n';
            _lineOffset = 0;
            return true;
        }
    }
}
