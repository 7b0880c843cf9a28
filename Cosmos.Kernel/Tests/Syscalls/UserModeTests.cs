using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics.Testing;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Regions;
using Cosmos.Kernel.Syscalls;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Tests.Syscalls
{
    // Ring 3 and the system-call path, with programs small enough to write in assembly (user_mode_snippets.asm): each
    // runs as a process of its own, with one page of code and one of stack.
    static unsafe class UserModeTests
    {
        const ulong CodeAddress = 0x40_0000, StackTop = 0x7FFF_FFFF_0000;
        const int SignalSegmentation = 11;

        // The programs of user_mode_snippets.asm, in its table's order.
        enum Snippet { Exit42, NullRead, BadPointers, PreservedRegisters, Spin }

        // Runs the snippet as a process and returns its wait status once it has ended.
        static int Run(Snippet snippet) => WaitFor(Start(snippet));

        static Process Start(Snippet snippet)
        {
            ulong address = Snippets()[2 * (int)snippet], size = Snippets()[2 * (int)snippet + 1] - address;
            UserAddressSpace space = ProcessPageTable.CreateAddressSpace();
            Assert.True(space != null, "memory for an address space");
            Assert.Equal((int)Errno.None, (int)space.Add(new AnonymousRegion(CodeAddress, CodeAddress + UserAddressSpace.PageSize,
                                                                         MemoryProtection.Read | MemoryProtection.Execute, "snippet")), "the code region added");
            Assert.Equal((int)Errno.None, (int)space.Add(new AnonymousRegion(StackTop - UserAddressSpace.PageSize, StackTop,
                                                                         MemoryProtection.Read | MemoryProtection.Write, "stack")), "the stack region added");
            Assert.True(space.Load(CodeAddress, new ReadOnlySpan<byte>((void*)address, (int)size)), "the code loaded");
            return ProcessTable.Start("snippet", null, space, ProgramStarter.ConsoleDescriptors(), CodeAddress, StackTop);
        }

        static int WaitFor(Process process)
        {
            process.MainThread.Join();
            Thread.Yield();                             // the switch after an exit frees the thread's stack
            Assert.Equal((int)ProcessState.Exited, (int)process.State, "the process's state");
            Assert.True(process.AddressSpace == null, "its address space released");
            return process.WaitStatus;
        }

        [KernelTest]
        internal static void AProgramsExitCodeIsItsWaitStatus()
        {
            Assert.Equal(42 << 8, Run(Snippet.Exit42), "wait status of exit(42)");
        }

        [KernelTest]
        internal static void ANullDereferenceEndsOnlyThatProgram()
        {
            Assert.Equal(SignalSegmentation, Run(Snippet.NullRead), "wait status: killed by SIGSEGV");
            Assert.Equal(42 << 8, Run(Snippet.Exit42), "the next program runs as before");
        }

        [KernelTest]
        internal static void WritingFromABadPointerIsEfault()
        {
            Assert.Equal(0, Run(Snippet.BadPointers), "exit code (1: a write did not return -EFAULT)");
        }

        [KernelTest]
        internal static void ASystemCallPreservesTheRegistersTheAbiPromises()
        {
            Assert.Equal(0, Run(Snippet.PreservedRegisters), "exit code (1: a register changed)");
        }

        // The spinning program never yields: a kernel thread that gets the processor back while the program is still
        // running saw the program preempted in user mode.
        [KernelTest]
        internal static void AProgramIsPreemptedAndResumedInUserMode()
        {
            Scheduler scheduler = Scheduler.Instance;
            int slice = scheduler.TimeSliceTicks;
            scheduler.TimeSliceTicks = 1;
            Process process = Start(Snippet.Spin);
            int resumedWhileItRan = 0;
            // A rival per processor, so that the program must share one.
            var rivals = new Thread[PerCpu.RunningCount];
            for (int i = 0; i < rivals.Length; i++)
            {
                rivals[i] = Thread.Start("rival", () =>
                {
                    ulong seen = Scheduler.Instance.ContextSwitches;
                    while (process.State == ProcessState.Running)
                    {
                        ulong now = Scheduler.Instance.ContextSwitches;
                        if (now != seen && process.State == ProcessState.Running) System.Threading.Interlocked.Increment(ref resumedWhileItRan);
                        seen = now;
                    }
                });
            }
            Assert.Equal(0, WaitFor(process), "exit code");
            foreach (Thread rival in rivals) rival.Join();
            scheduler.TimeSliceTicks = slice;
            Assert.True(resumedWhileItRan >= 3, "times the program was preempted: " + resumedWhileItRan.ToString());
        }

        [KernelTest]
        internal static void AnEndedProgramGivesBackEveryPage()
        {
            Run(Snippet.Exit42);                               // warms up the kernel's own structures (heap, stack area)
            GC.Collect();
            ulong before = FreeAndHeapPages();
            for (int i = 0; i < 10; i++) Run(Snippet.Exit42);
            GC.Collect();
            Assert.Equal(before, FreeAndHeapPages(), "free pages plus the kernel heap's after 10 programs");
        }

        // What the test counts: the kernel heap's pages as if free, as what it holds depends on what other processors
        // did and on what their stacks happen to hold (a conservative scan).
        static ulong FreeAndHeapPages()
            => PhysicalMemory.Allocator.Statistics.FreePages + KernelHeap.Statistics.CommittedPages;

        [RuntimeImport("cosmos_user_snippets")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong* Snippets();
    }
}
