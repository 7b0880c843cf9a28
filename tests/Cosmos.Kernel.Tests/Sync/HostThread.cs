using System;
using System.Threading;
using Cosmos.Kernel.Sync;

namespace Cosmos.Kernel.Tests.Sync
{
    // A real host thread as the locks see it. The permit is a flag under a monitor; each host thread also plays a
    // processor of its own (Processor), since host threads run truly in parallel.
    public sealed class HostThread : WaitingThread
    {
        static int s_nextProcessor;

        readonly object _gate = new object();
        bool _permit;
        volatile bool _parked;

        public uint Processor { get; } = (uint)Interlocked.Increment(ref s_nextProcessor);

        // Inside Park without the permit: a deterministic test waits for this before acting on a sleeper.
        public bool IsParked => _parked;

        // A test hook run by the unparking thread just after it gave this thread the permit (then cleared).
        public Action AfterUnpark;

        protected internal override void Park(ulong deadlineNanoseconds)
        {
            lock (_gate)
            {
                _parked = !_permit;
                while (!_permit)
                {
                    if (deadlineNanoseconds == ulong.MaxValue)
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }
                    ulong now = HostScheduler.Instance.NowNanoseconds;
                    if (now >= deadlineNanoseconds) break;
                    Monitor.Wait(_gate, TimeSpan.FromMilliseconds(Math.Ceiling((deadlineNanoseconds - now) / 1e6)));
                }
                _permit = false;
                _parked = false;
            }
        }

        protected internal override void Unpark()
        {
            lock (_gate)
            {
                _permit = true;
                Monitor.Pulse(_gate);
            }
            Action hook = Interlocked.Exchange(ref AfterUnpark, null);
            hook?.Invoke();
        }
    }
}
