using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Cosmos.Kernel.Sync;
using NUnit.Framework;

namespace Cosmos.Kernel.Tests.Sync
{
    [TestFixture, CancelAfter(20_000)]
    public class RwLockTests
    {
        // Every entry checks the invariant: a writer alone, readers only without a writer.
        [Test]
        public void AWriterNeverOverlapsAnyoneUnderContention()
        {
            var rwLock = new RwLock();
            int readers = 0, writers = 0, violations = 0, writes = 0;
            TestThread.RunAll(6, index =>
            {
                for (int i = 0; i < 20_000; i++)
                {
                    if ((i + index) % 8 == 0)
                    {
                        rwLock.EnterWrite();
                        if (Interlocked.Increment(ref writers) != 1 || Volatile.Read(ref readers) != 0)
                            Interlocked.Increment(ref violations);
                        writes++;                   // not atomic: only the exclusion keeps it exact
                        Interlocked.Decrement(ref writers);
                        rwLock.ExitWrite();
                    }
                    else
                    {
                        rwLock.EnterRead();
                        Interlocked.Increment(ref readers);
                        if (Volatile.Read(ref writers) != 0) Interlocked.Increment(ref violations);
                        Interlocked.Decrement(ref readers);
                        rwLock.ExitRead();
                    }
                }
            }, timeoutSeconds: 15);
            Assert.That(violations, Is.Zero);
            Assert.That(writes, Is.EqualTo(6 * 20_000 / 8));
        }

        // Two readers meet inside: possible only if readers share.
        [Test]
        public void ReadersShare()
        {
            var rwLock = new RwLock();
            using var bothInside = new Barrier(2);
            TestThread.RunAll(2, _ =>
            {
                rwLock.EnterRead();
                Assert.That(bothInside.SignalAndWait(TimeSpan.FromSeconds(5)), Is.True, "the other reader got in");
                rwLock.ExitRead();
            });
            Assert.That(rwLock.ReaderCount, Is.Zero);
        }

        // A reader is inside and a writer waits: a new reader waits behind the writer, which enters first.
        [Test]
        public void AWaitingWriterStopsNewReaders()
        {
            var rwLock = new RwLock();
            var order = new List<string>();
            rwLock.EnterRead();
            var writer = TestThread.Start(() => { rwLock.EnterWrite(); Record(order, "writer"); rwLock.ExitWrite(); });
            TestThread.WaitUntil(() => writer.Waiter.IsParked, "the writer waits for the reader");
            Assert.That(rwLock.TryEnterRead(), Is.False, "a new reader may not pass a waiting writer");
            var reader = TestThread.Start(() => { rwLock.EnterRead(); Record(order, "reader"); rwLock.ExitRead(); });
            TestThread.WaitUntil(() => reader.Waiter.IsParked, "the new reader waits");
            rwLock.ExitRead();
            writer.Join();
            reader.Join();
            Assert.That(order, Is.EqualTo(new[] { "writer", "reader" }));
        }

        // Readers keep the lock busy (always one inside); a writer still gets in, in bounded time.
        [Test]
        public void AStreamOfReadersDoesNotStarveAWriter()
        {
            var rwLock = new RwLock();
            bool written = false;
            double writerWaitedMs = 0;
            TestThread.RunAll(4, index =>
            {
                if (index == 0)
                {
                    Thread.Sleep(20);               // the readers are streaming by now
                    var clock = Stopwatch.StartNew();
                    rwLock.EnterWrite();
                    writerWaitedMs = clock.Elapsed.TotalMilliseconds;
                    Volatile.Write(ref written, true);
                    rwLock.ExitWrite();
                    return;
                }
                while (!Volatile.Read(ref written))
                {
                    rwLock.EnterRead();
                    Thread.SpinWait(200);
                    rwLock.ExitRead();
                }
            });
            Assert.That(writerWaitedMs, Is.LessThan(2000));
        }

        // Writers enter one at a time in the order they came; a newcomer does not pass them.
        [Test]
        public void WaitingWritersEnterInTheOrderTheyCame()
        {
            var rwLock = new RwLock();
            var order = new List<string>();
            rwLock.EnterWrite();
            var first = TestThread.Start(() => { rwLock.EnterWrite(); Record(order, "first"); rwLock.ExitWrite(); });
            TestThread.WaitUntil(() => first.Waiter.IsParked, "the first writer waits");
            var second = TestThread.Start(() => { rwLock.EnterWrite(); Record(order, "second"); rwLock.ExitWrite(); });
            TestThread.WaitUntil(() => second.Waiter.IsParked, "the second writer waits");
            rwLock.ExitWrite();
            first.Join();
            second.Join();
            Assert.That(order, Is.EqualTo(new[] { "first", "second" }));
            Assert.That(rwLock.TryEnterWrite(), Is.True);
            Assert.That(rwLock.TryEnterRead(), Is.False);
            rwLock.ExitWrite();
        }

        [Test]
        public void ExitingWithoutEnteringIsAnError()
        {
            var rwLock = new RwLock();
            Assert.That(Assert.Throws<InvalidOperationException>(rwLock.ExitRead).Message, Does.Contain("no reader"));
            Assert.That(Assert.Throws<InvalidOperationException>(rwLock.ExitWrite).Message, Does.Contain("no writer"));
            Assert.That(rwLock.TryEnterWrite(), Is.True, "the failed exits changed nothing");
            rwLock.ExitWrite();
        }

        static void Record(List<string> order, string who)
        {
            lock (order) order.Add(who);
        }
    }
}
