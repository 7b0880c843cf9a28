using System;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Syscalls;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Tests.Syscalls
{
    // Programs from the initrd started by the kernel, as spawn and boot start them.
    static class ProgramStarterTests
    {
        const string Exit42 = "/bin/exit42";

        static Errno Start(string path, out Process process)
            => ProgramStarter.Start(path, new[] { path }, new string[0], null, out process);

        static int RunToEnd(string path)
        {
            Assert.Equal((int)Errno.None, (int)Start(path, out Process process), "start " + path);
            process.MainThread.Join();
            Thread.Yield();                             // the switch after an exit frees the thread's stack
            return process.WaitStatus;
        }

        [KernelTest]
        internal static void AProgramFromTheInitrdRunsToItsExitCode()
        {
            Assert.Equal(42 << 8, RunToEnd(Exit42), "wait status of /bin/exit42");
        }

        [KernelTest]
        internal static void AMissingProgramIsEnoentAndAFileThatIsNoProgramIsEnoexec()
        {
            Assert.Equal((int)Errno.ENOENT, (int)Start("/bin/nothing-here", out _), "a missing program");
            Assert.Equal((int)Errno.ENOEXEC, (int)Start("/etc/motd", out _), "a text file");
            Assert.Equal((int)Errno.EISDIR, (int)Start("/bin", out _), "a directory");
        }

        [KernelTest]
        internal static void AHundredProgramsGiveBackEveryPage()
        {
            RunToEnd(Exit42);                           // warms up the kernel's own structures
            GC.Collect();
            ulong before = PhysicalMemory.Allocator.Statistics.FreePages;
            ulong heapBefore = KernelHeap.Statistics.CommittedPages;
            for (int i = 0; i < 100; i++) RunToEnd(Exit42);
            GC.Collect();
            ulong heapAfter = KernelHeap.Statistics.CommittedPages, after = PhysicalMemory.Allocator.Statistics.FreePages;
            // What the heap keeps varies by a page or two with what other processors' stacks happen to hold (the scan is
            // conservative); a hundred programs' records left behind would be far more.
            Assert.True(heapAfter <= heapBefore + 2, "kernel heap pages after 100 programs: " + heapAfter.ToString() + ", before " + heapBefore.ToString());
            Assert.Equal(before + heapBefore, after + heapAfter, "free pages plus the kernel heap's after 100 programs");
        }
    }
}
