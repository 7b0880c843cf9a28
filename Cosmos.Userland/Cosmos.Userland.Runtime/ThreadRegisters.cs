using System.Runtime.InteropServices;

namespace Cosmos.Userland.Runtime
{
    // struct thread_registers of thread_registers (docs/syscalls.md "Threads"): a stopped thread's user registers and
    // the end of the region holding its stack pointer, which a collector scans up to.
    [StructLayout(LayoutKind.Sequential)]
    public struct ThreadRegisters
    {
        public const int GeneralRegisters = 17;     // rip to r15: the words a collector scans as possible references

        public ulong Rip, Rsp, Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rbp, R8, R9, R10, R11, R12, R13, R14, R15;
        public ulong StackEnd;
    }
}
