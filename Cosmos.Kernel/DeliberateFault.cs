using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Arch.X64.Smp;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Sync;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel
{
    // `fault=<kind>` on the kernel command line: after start-up the kernel commits the fault, and the system tests
    // check that the report comes out (not a reset). Each kind goes through the real mechanism: a C# pointer write to
    // an unmapped page, the CPU's divide and undefined instructions, unbounded C# recursion into the boot stack's guard
    // and into a thread's, a write to the kernel's own (read+execute) code, and a lock misused (a mutex, which may
    // sleep, taken under a spin lock, which holds interrupts off), and an NMI sent to another processor, parked since
    // start-up, whose exception path must report as the boot processor's does.
    public static unsafe class DeliberateFault
    {
        public static bool Commit(string kind)
        {
            if (kind == "pagefault") WriteToUnmappedPage();
            else if (kind == "divide") DivideError();
            else if (kind == "invalidopcode") InvalidOpcode();
            else if (kind == "stackoverflow") Recurse(0);
            else if (kind == "writecode") WriteToCode();
            else if (kind == "threadstackoverflow") OverflowAThreadsStack();
            else if (kind == "mutexunderspinlock") LockAMutexUnderASpinLock();
            else if (kind == "otherprocessor") InterruptAnotherProcessor();
            else return false;
            return true;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void WriteToUnmappedPage()
        {
            // Below the kernel half and never mapped (the boot identity map is gone by now).
            *(ulong*)0xDEAD000 = 0xDEAD;
        }

        // Kernel text is mapped read+execute only: patching code, even one's own, is a protection fault.
        [MethodImpl(MethodImplOptions.NoInlining)]
        static void WriteToCode()
        {
            *(byte*)(delegate*<void>)&WriteToCode = 0xCC;
        }

        static void OverflowAThreadsStack()
        {
            Thread.Start("overflow", RecurseForever).Join();
        }

        static void RecurseForever() => Recurse(0);

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void LockAMutexUnderASpinLock()
        {
            new SpinLock().Acquire();
            new Mutex().Lock();
        }

        // The other processor's report powers the machine off; this one stays out of its way.
        static void InterruptAnotherProcessor()
        {
            List<uint> others = ProcessorDiscovery.ApplicationProcessors(KernelMain.Processors, LocalApic.ApicId);
            if (others.Count == 0 || PerCpu.FindRunning(others[0]) == null) Panic.Halt("no other processor runs to take the NMI");
            LocalApic.Send(InterruptCommand.Nmi(others[0]));
            Cpu.Halt();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static int Recurse(int depth)
        {
            // The local buffer makes each frame big, and using the result after the call keeps it a real call.
            byte* scratch = stackalloc byte[256];
            scratch[depth & 255] = (byte)depth;
            return Recurse(depth + 1) + scratch[(depth + 1) & 255];
        }

        [RuntimeImport("cosmos_fault_divide_error")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void DivideError();

        [RuntimeImport("cosmos_fault_invalid_opcode")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void InvalidOpcode();
    }
}
