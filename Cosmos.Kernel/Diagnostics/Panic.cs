using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics.Unwinding;

namespace Cosmos.Kernel.Diagnostics
{
    // The end of the line: report what happened, with registers when a CPU exception caused it and a symbolized stack
    // trace, then power off. The report's shape is machine-readable (the system tests parse it):
    //   PANIC: <what>
    //   <details, registers>
    //   stack trace:
    //     at 0x<address> <symbol+0xoffset>
    //   END PANIC
    public static unsafe class Panic
    {
        static bool s_panicking;

        // A panic from kernel code: the trace starts at the caller, skipping Halt's own frame (so Halt must have one).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Halt(string message)
        {
            Begin(message);
            ulong rip, rsp, rbp;
            ReadCallerRegisters(&rip, &rsp, &rbp);
            StackTrace.Print(new FrameRegisters(rip, rsp, rbp, isReturnAddress: true), framesToSkip: 1);
            End();
        }

        // A panic caused by a CPU exception: details and registers from the saved frame, the trace from where it hit.
        public static void Halt(string message, string details, InterruptFrame* frame)
        {
            Begin(message);
            if (details != null) KernelLog.WriteLine(details);
            KernelLog.WriteLine("error code 0x" + frame->ErrorCode.ToString("x"));
            KernelLog.WriteLine("CR2 0x" + Cpu.ReadCr2().ToString("x16"));
            WriteRegisters(frame);
            StackTrace.Print(new FrameRegisters(frame->Rip, frame->Rsp, frame->Rbp, isReturnAddress: false));
            End();
        }

        static void Begin(string message)
        {
            Cpu.DisableInterrupts();
            if (s_panicking)
            {
                // A fault while reporting a fault: say so with as little machinery as possible and stop.
                KernelLog.WriteLine("PANIC (while panicking): " + message);
                End();
            }
            s_panicking = true;
            KernelLog.WriteLine("PANIC: " + message);
        }

        static void End()
        {
            KernelLog.WriteLine("END PANIC");
            KernelLog.Flush();
            Power.Off();
        }

        static void WriteRegisters(InterruptFrame* f)
        {
            KernelLog.WriteLine("RIP=" + Hex(f->Rip) + " RSP=" + Hex(f->Rsp) + " RFLAGS=" + Hex(f->Rflags));
            KernelLog.WriteLine("RAX=" + Hex(f->Rax) + " RBX=" + Hex(f->Rbx) + " RCX=" + Hex(f->Rcx) + " RDX=" + Hex(f->Rdx));
            KernelLog.WriteLine("RSI=" + Hex(f->Rsi) + " RDI=" + Hex(f->Rdi) + " RBP=" + Hex(f->Rbp) + " R8=" + Hex(f->R8));
            KernelLog.WriteLine("R9=" + Hex(f->R9) + " R10=" + Hex(f->R10) + " R11=" + Hex(f->R11) + " R12=" + Hex(f->R12));
            KernelLog.WriteLine("R13=" + Hex(f->R13) + " R14=" + Hex(f->R14) + " R15=" + Hex(f->R15));
            KernelLog.WriteLine("CS=" + Hex(f->Cs) + " SS=" + Hex(f->Ss) + " CR0=" + Hex(Cpu.ReadCr0()) + " CR3=" + Hex(Cpu.ReadCr3())
                                + " CR4=" + Hex(Cpu.ReadCr4()));
        }

        static string Hex(ulong value) => "0x" + value.ToString("x16");

        [RuntimeImport("cosmos_read_caller_registers")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern void ReadCallerRegisters(ulong* rip, ulong* rsp, ulong* rbp);
    }
}
