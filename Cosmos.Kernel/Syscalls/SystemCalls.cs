using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Memory.Regions;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // The system-call table (docs/syscalls.md) and what happens to a program that faults. Every call runs on the
    // calling thread's kernel stack with interrupts on, and answers with a value or a negated Errno.
    public static unsafe class SystemCalls
    {
        // Signals a faulting process is reported as killed by (Linux's numbers), by exception vector.
        const int PageFaultVector = 14;
        const int SignalIllegalInstruction = 4, SignalTrap = 5, SignalBus = 7, SignalFloatingPoint = 8, SignalSegmentation = 11;

        // The file system programs see.
        internal static SharedFileSystem Files { get; private set; }

        public static void Install(MemoryFileSystem files)
        {
            Files = new SharedFileSystem(files);
            SharedMemoryCalls.Initialize(new RandomKeys());
            if (!CpuFeatures.RandomNumbers) KernelLog.WriteLine("system calls: no RDRAND; shared memory keys come from the time-stamp counter");
            UserMode.Initialize(&Dispatch);
            CpuExceptionReporter.HandleUserFaults(&HandleUserFault);
            ProcessTable.OnEnded(&ForgetRights);
        }

        // A thread whose process has ended meanwhile (another thread called exit, or faulted) leaves on its way back,
        // and one whose process's threads another has stopped waits there.
        static void Dispatch(SystemCallFrame* frame)
        {
            Thread.Current.EnteredKernel((ulong)frame, systemCall: true);
            frame->Rax = (ulong)Call(frame->Rax, frame->Rdi, frame->Rsi, frame->Rdx, frame->R10, frame->R8, frame->R9);
            ProcessTable.AtUserBoundary();
        }

        static void ForgetRights(Process process) => SharedMemoryCalls.Directory.Forget(process.Id);

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
                case 10: return MemoryCalls.Protect(a1, a2, (int)a3);
                case 11: return MemoryCalls.Unmap(a1, a2);
                case 24: return ThreadCalls.Yield();
                case 26: return MemoryCalls.Sync(a1, a2, (int)a3);
                case 39: return ProcessTable.Current.Id;
                case 60: return ProcessCalls.Exit((int)a1);
                case 186: return Thread.Current.Id;
                case 61: return ProcessCalls.Wait((int)a1, a2, (int)a3, a4);
                case 0x1000: return ProcessCalls.Spawn(a1, a2, a3);
                case 0x1001: return MemoryCalls.Information(a1);
                case 0x1002: return ProcessCalls.List(a1, a2);
                case 0x1003: return FileCalls.ListDirectory(a1, a2, a3);
                case 0x1004: return SharedMemoryCalls.Create(a1, (int)a2, (int)a3, a4);
                case 0x1005: return SharedMemoryCalls.Map(a1);
                case 0x1006: return SharedMemoryCalls.Delete(a1);
                case 0x1007: return SharedMemoryCalls.Grant(a1, (int)a2);
                case 0x1008: return ThreadCalls.Create(a1, a2, a3, a4);
                case 0x1009: return ThreadCalls.Exit();
                case 0x100A: return ThreadCalls.Join((int)a1);
                case 0x100B: return ThreadCalls.StopOthers(a1);
                case 0x100C: return ThreadCalls.Registers((int)a1, a2);
                case 0x100D: return ThreadCalls.ResumeOthers();
                case 0x100E: return ProcessorCalls.List(a1, a2);
                default: return Failure(Errno.ENOSYS);
            }
        }

        // What a call returns for an outcome: 0 for Errno.None, else the negated error.
        public static long Result(Errno error) => -(long)error;

        public static long Failure(Errno error) => Result(error);

        // An exception in user mode: a page fault the process's regions allow makes the missing page, and the program
        // carries on; anything else ends the process that raised it, saying so on the console, and the kernel carries
        // on. The interrupted code was the program's, so no kernel lock is held: interrupts can go back on, locks be
        // taken and the heap used.
        static void HandleUserFault(InterruptFrame* frame, ulong faultAddress)
        {
            Thread.Current.EnteredKernel((ulong)frame, systemCall: false);
            Cpu.EnableInterrupts();
            Process process = ProcessTable.Current;
            string violation = null;
            if (frame->Vector == PageFaultVector && process.AddressSpace.ResolveFault(faultAddress, AccessOf(frame->ErrorCode), out violation))
            {
                ProcessTable.AtUserBoundary();
                Cpu.DisableInterrupts();
                return;
            }
            KernelLog.WriteLine(process.ToString() + " killed: " + CpuExceptionReporter.Describe(frame, faultAddress)
                                + (violation == null ? "" : ": " + violation) + " at rip 0x" + frame->Rip.ToString("x"));
            ProcessTable.ExitCurrent(SignalFor((int)frame->Vector));
        }

        // What a page fault's error code says the program tried: an instruction fetch, a write, or a read.
        static MemoryProtection AccessOf(ulong errorCode)
            => (errorCode & 0x10) != 0 ? MemoryProtection.Execute : (errorCode & 2) != 0 ? MemoryProtection.Write : MemoryProtection.Read;

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
