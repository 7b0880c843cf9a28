using System;

namespace Cosmos.Kernel.Sync
{
    // A sleeping reader-writer lock that prefers writers: any number of readers or one writer, never both. A writer
    // that waits stops new readers from entering, so a steady stream of readers cannot starve it; when a writer leaves,
    // waiting writers go first, one at a time in the order they came, and the readers all enter once no writer
    // waits. Its state is guarded by a SpinLock, and
    // a thread queues on readers' or writers' WaitQueue before it releases that guard, so no wake is lost.
    // Not recursive; ExitRead and ExitWrite check that there is a reader or a writer to exit, not which thread it was.
    public sealed class RwLock
    {
        readonly SpinLock _guard = new SpinLock();
        readonly WaitQueue _readers = new WaitQueue();
        readonly WaitQueue _writers = new WaitQueue();
        int _readerCount;
        bool _writing;
        int _writersWaiting;

        // Readers inside now (a snapshot).
        public int ReaderCount => _readerCount;

        public bool IsWriteHeld => _writing;

        // Enters as a reader, sleeping while a writer is inside or waiting. With `other` (a mutex the caller holds):
        // releases it while sleeping and holds it again before each new attempt, as Mutex.Lock does.
        public void EnterRead(Mutex other = null)
        {
            WaitingThread self = Scheduling.Scheduler.CurrentThread;
            WaitQueue.CheckMayBlock(self, "RwLock.EnterRead");
            while (true)
            {
                _guard.Acquire();
                if (ReadersMayEnter)
                {
                    _readerCount++;
                    _guard.Release();
                    return;
                }
                _readers.Enqueue(self);
                _guard.Release();
                Sleep(_readers, self, other);
            }
        }

        public bool TryEnterRead()
        {
            _guard.Acquire();
            bool entered = ReadersMayEnter;
            if (entered) _readerCount++;
            _guard.Release();
            return entered;
        }

        public void ExitRead()
        {
            _guard.Acquire();
            if (_readerCount == 0)
            {
                _guard.Release();
                throw new InvalidOperationException("RwLock.ExitRead: no reader is inside");
            }
            if (--_readerCount == 0 && _writersWaiting != 0) _writers.WakeOne();
            _guard.Release();
        }

        // Enters as the only writer, sleeping while readers or another writer are inside. `other` as for EnterRead.
        public void EnterWrite(Mutex other = null)
        {
            WaitingThread self = Scheduling.Scheduler.CurrentThread;
            WaitQueue.CheckMayBlock(self, "RwLock.EnterWrite");
            _guard.Acquire();
            if (WriterMayEnter && _writersWaiting == 0)
            {
                _writing = true;
                _guard.Release();
                return;
            }
            _writersWaiting++;
            do
            {
                _writers.Enqueue(self);
                _guard.Release();
                Sleep(_writers, self, other);
                _guard.Acquire();
            } while (!WriterMayEnter);
            _writersWaiting--;
            _writing = true;
            _guard.Release();
        }

        public bool TryEnterWrite()
        {
            _guard.Acquire();
            bool entered = WriterMayEnter && _writersWaiting == 0;
            if (entered) _writing = true;
            _guard.Release();
            return entered;
        }

        public void ExitWrite()
        {
            _guard.Acquire();
            if (!_writing)
            {
                _guard.Release();
                throw new InvalidOperationException("RwLock.ExitWrite: no writer is inside");
            }
            _writing = false;
            if (_writersWaiting != 0) _writers.WakeOne();
            else _readers.WakeAll();
            _guard.Release();
        }

        bool ReadersMayEnter => !_writing && _writersWaiting == 0;

        // Newcomers also wait behind waiting writers; the writer a wake picked only needs the lock free.
        bool WriterMayEnter => !_writing && _readerCount == 0;

        static void Sleep(WaitQueue queue, WaitingThread self, Mutex other)
        {
            int otherDepth = other != null ? other.ReleaseFully() : 0;
            queue.Block(self, WaitQueue.Infinite, interruptible: false);
            if (other != null) other.Reacquire(otherDepth);
        }
    }
}
