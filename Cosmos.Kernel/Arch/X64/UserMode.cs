using System.Diagnostics.CodeAnalysis;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cosmos.Kernel.Arch.X64
{
    // The registers of a user thread that made a system call, as user_mode.asm saves them on its kernel stack. Rax
    // holds the call number on entry and the result on return; every other field goes back to user mode unchanged.
    [StructLayout(LayoutKind.Sequential)]
    public struct SystemCallFrame
    {
        public ulong R15, R14, R13, R12, Rbp, Rbx, R9, R8, R10, Rdx, Rsi, Rdi, Rax;
        public ulong Rip, Rflags, Rsp;
    }

    // Ring 3: entering it, and the SYSCALL instruction's way back (docs/syscalls.md). The layer that implements the
    // calls registers one handler; Arch only moves the registers across.
    public static unsafe class UserMode
    {
        const uint EferMsr = 0xC000_0080, StarMsr = 0xC000_0081, LstarMsr = 0xC000_0082, FmaskMsr = 0xC000_0084;
        const uint KernelGsBaseMsr = 0xC000_0102;
        const ulong SystemCallEnable = 1;
        // Cleared on entry: interrupts (until the stack is the kernel's), single-step, direction, alignment check, NT.
        const ulong MaskedFlags = 0x200 | 0x100 | 0x400 | 0x4_0000 | 0x4000;

        static delegate*<SystemCallFrame*, void> s_handler;

        // Enables SYSCALL on this processor and sends every call, from every processor, to `handler`.
        public static void Initialize(delegate*<SystemCallFrame*, void> handler)
        {
            s_handler = handler;
            EnableOnThisProcessor();
        }

        // Enables SYSCALL on another processor, once Initialize has run on the first.
        public static void EnableOnThisProcessor()
        {
            Cpu.WriteMsr(EferMsr, Cpu.ReadMsr(EferMsr) | SystemCallEnable);
            // SYSCALL loads cs = STAR[47:32] and ss = that + 8; SYSRET loads ss = STAR[63:48] + 8 and cs = that + 16,
            // which is why the GDT has user data before user code.
            ulong sysretBase = (ulong)(Gdt.UserData - 8);
            Cpu.WriteMsr(StarMsr, sysretBase << 48 | (ulong)Gdt.KernelCode << 32);
            Cpu.WriteMsr(LstarMsr, SystemCallEntry());
            Cpu.WriteMsr(FmaskMsr, MaskedFlags);
            Cpu.WriteMsr(KernelGsBaseMsr, 0);            // the user's GS base: nothing until a program sets one
        }

        // Where a system call from the thread about to run starts on its kernel stack, and where interrupts from its
        // user mode land: the top of that stack.
        public static void SetKernelStack(ulong top)
        {
            PerCpu.Current->KernelStackTop = top;
            Gdt.SetKernelStack(top);
        }

        // Leaves the kernel, for good on this stack, into ring 3 at `rip` on the user stack `rsp`, with the arguments
        // in rdi and rsi and every other register zero.
        [DoesNotReturn]
        [RuntimeImport("cosmos_enter_user_mode")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Enter(ulong rip, ulong rsp, ulong argument0, ulong argument1);

        [RuntimeExport("cosmos_system_call_dispatch")]
        static void Dispatch(SystemCallFrame* frame) => s_handler(frame);

        [RuntimeImport("cosmos_system_call_entry_address")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern ulong SystemCallEntry();
    }
}
