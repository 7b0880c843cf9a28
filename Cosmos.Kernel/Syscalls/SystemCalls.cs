using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // The system-call table (docs/syscalls.md) and what happens to a program that faults. Every call runs on the
    // calling thread's kernel stack with interrupts on, and answers with a value or a negated Errno.
    public static unsafe class SystemCalls
    {
        // Signals a faulting process is reported as killed by (Linux's numbers), by exception vector.
        const int SignalIllegalInstruction = 4, SignalTrap = 5, SignalBus = 7, SignalFloatingPoint = 8, SignalSegmentation = 11;

        // The file system programs see.
        internal static SharedFileSystem Files { get; private set; }

        public static void Install(MemoryFileSystem files)
        {
            Files = new SharedFileSystem(files);
            UserMode.Initialize(&Dispatch);
            CpuExceptionReporter.HandleUserFaults(&EndFaultingProcess);
        }

        static void Dispatch(SystemCallFrame* frame)
            => frame->Rax = (ulong)Call(frame->Rax, frame->Rdi, frame->Rsi, frame->Rdx, frame->R10, frame->R8, frame->R9);

        static long Call(ulong number, ulong a1, ulong a2, ulong a3, ulong a4, ulong a5, ulong a6)
        {
            switch (number)
            {
                case 0: return FileCalls.Read((int)a1, a2, a3);
                case 1: return FileCalls.Write((int)a1, a2, a3);
                case 2: return FileCalls.Open(a1, (int)a2);
                case 3: return FileCalls.Close((int)a1);
                case 4: return FileCalls.Status(a1, a2);
                case 5: return FileCalls.DescriptorStatus((int)a1, a2);
                case 8: return FileCalls.Seek((int)a1, (long)a2, (int)a3);
                case 9: return MemoryCalls.Map(a1, a2, (int)a3, (int)a4, (int)a5, a6);
                case 11: return MemoryCalls.Unmap(a1, a2);
                case 39: return ProcessTable.Current.Id;
                case 60: return ProcessCalls.Exit((int)a1);
                case 61: return ProcessCalls.Wait((int)a1, a2, (int)a3, a4);
                case 0x1000: return ProcessCalls.Spawn(a1, a2, a3);
                case 0x1001: return MemoryCalls.Information(a1);
                case 0x1002: return ProcessCalls.List(a1, a2);
                case 0x1003: return FileCalls.ListDirectory(a1, a2, a3);
                default: return Failure(Errno.ENOSYS);
            }
        }

        public static long Failure(Errno error) => -(long)error;

        // An exception in user mode ends the process that raised it, saying so on the console; the kernel carries on.
        // The interrupted code was the program's, so no kernel lock is held: interrupts can go back on and the heap
        // can be used.
        static void EndFaultingProcess(InterruptFrame* frame, string description)
        {
            Cpu.EnableInterrupts();
            Process process = ProcessTable.Current;
            KernelLog.WriteLine(process.ToString() + " killed: " + description + " at rip 0x" + frame->Rip.ToString("x"));
            ProcessTable.ExitCurrent(SignalFor((int)frame->Vector));
        }

        static int SignalFor(int vector) => vector switch
        {
            0 => SignalFloatingPoint,
            3 => SignalTrap,
            6 => SignalIllegalInstruction,
            13 or 14 => SignalSegmentation,
            _ => SignalBus,
        };
    }
}
