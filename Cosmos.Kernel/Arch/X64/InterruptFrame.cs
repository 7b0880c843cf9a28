using System.Runtime.InteropServices;

namespace Cosmos.Kernel.Arch.X64
{
    // The stack as interrupt_stubs.asm leaves it for the dispatcher: the registers it pushed (last pushed first), the
    // vector and error code, then what the CPU pushed.
    [StructLayout(LayoutKind.Sequential)]
    public struct InterruptFrame
    {
        public ulong R15, R14, R13, R12, R11, R10, R9, R8;
        public ulong Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector;
        public ulong ErrorCode;
        public ulong Rip, Cs, Rflags, Rsp, Ss;
    }
}
