using System;
using System.Buffers.Binary;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // thread_create, thread_exit, thread_join, sched_yield, and the stop that lets a collector read every thread's
    // registers (docs/syscalls.md, "Threads"). A thread's user stack is a region of its process with a guard region
    // below it, made here and unmapped when the thread ends.
    static unsafe class ThreadCalls
    {
        const ulong DefaultStackBytes = 64 * 1024;
        const int RegistersSize = 18 * 8;

        // thread_create(entry, stack_size, argument0, argument1): the new thread's id.
        public static long Create(ulong entry, ulong stackBytes, ulong argument0, ulong argument1)
        {
            Process process = ProcessTable.Current;
            if (!UserAddressSpace.IsUserRange(entry, 1)) return SystemCalls.Failure(Errno.EFAULT);
            UserAddressSpace space = process.AddressSpace;
            Errno error = space.MapStack(stackBytes == 0 ? DefaultStackBytes : stackBytes, out ulong start, out ulong end);
            if (error != Errno.None) return SystemCalls.Failure(error);
            Thread thread = ProcessTable.StartThread(process, entry, start, end, argument0, argument1);
            if (thread != null) return thread.Id;
            space.Unmap(start, end - start);
            return SystemCalls.Failure(Errno.ESRCH);   // the process is ending; so is the caller
        }

        public static long Exit()
        {
            ProcessTable.LeaveThread();
            return 0;
        }

        public static long Join(int threadId) => ProcessTable.JoinThread(threadId) ? 0 : SystemCalls.Failure(Errno.ESRCH);

        public static long Yield()
        {
            Thread.Yield();
            return 0;
        }

        // threads_stop(uint64_t* own_stack_end): stops the process's other threads; the number of them. The end of the
        // region holding the caller's stack goes to *own_stack_end.
        public static long StopOthers(ulong ownStackEndAddress)
        {
            Thread self = Thread.Current;
            UserAddressSpace space = self.Process.AddressSpace;
            Span<byte> end = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(end, space.RegionEndAt(((SystemCallFrame*)self.UserFrame)->Rsp));
            if (!space.CopyToUser(ownStackEndAddress, end)) return SystemCalls.Failure(Errno.EFAULT);
            return ProcessTable.StopOthers();
        }

        // thread_registers(index, struct thread_registers*): the user registers of the index-th stopped thread, and the
        // end of the region holding its stack pointer.
        public static long Registers(int index, ulong address)
        {
            Thread thread = ProcessTable.StoppedThread(index);
            if (thread == null) return SystemCalls.Failure(Errno.ESRCH);
            Span<ulong> registers = stackalloc ulong[RegistersSize / 8];
            registers.Clear();
            if (thread.UserFrame == 0)
            {
                // Not started yet: its stack holds nothing, its arguments may be references.
                registers[7] = thread.StartArgument0;
                registers[6] = thread.StartArgument1;
            }
            else if (thread.UserFrameIsSystemCall) FromSystemCall((SystemCallFrame*)thread.UserFrame, registers);
            else FromInterrupt((InterruptFrame*)thread.UserFrame, registers);
            registers[17] = Thread.Current.Process.AddressSpace.RegionEndAt(registers[1]);
            Span<byte> bytes = stackalloc byte[RegistersSize];
            for (int i = 0; i < registers.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(8 * i), registers[i]);
            return Thread.Current.Process.AddressSpace.CopyToUser(address, bytes) ? 0 : SystemCalls.Failure(Errno.EFAULT);
        }

        public static long ResumeOthers()
        {
            ProcessTable.ResumeOthers();
            return 0;
        }

        // struct thread_registers: rip, rsp, rax, rbx, rcx, rdx, rsi, rdi, rbp, r8 ... r15, stack_end. A system call
        // destroys rcx and r11 (they hold rip and rflags) and the caller-saved registers are dead across it.
        static void FromSystemCall(SystemCallFrame* frame, Span<ulong> registers)
        {
            registers[0] = frame->Rip; registers[1] = frame->Rsp; registers[2] = frame->Rax; registers[3] = frame->Rbx;
            registers[5] = frame->Rdx; registers[6] = frame->Rsi; registers[7] = frame->Rdi; registers[8] = frame->Rbp;
            registers[9] = frame->R8; registers[10] = frame->R9; registers[11] = frame->R10;
            registers[13] = frame->R12; registers[14] = frame->R13; registers[15] = frame->R14; registers[16] = frame->R15;
        }

        static void FromInterrupt(InterruptFrame* frame, Span<ulong> registers)
        {
            registers[0] = frame->Rip; registers[1] = frame->Rsp; registers[2] = frame->Rax; registers[3] = frame->Rbx;
            registers[4] = frame->Rcx; registers[5] = frame->Rdx; registers[6] = frame->Rsi; registers[7] = frame->Rdi;
            registers[8] = frame->Rbp; registers[9] = frame->R8; registers[10] = frame->R9; registers[11] = frame->R10;
            registers[12] = frame->R11; registers[13] = frame->R12; registers[14] = frame->R13; registers[15] = frame->R14;
            registers[16] = frame->R15;
        }
    }
}
