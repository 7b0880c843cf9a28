using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Boot;

namespace Cosmos.Kernel.Diagnostics
{
    // Turns every CPU exception in kernel mode into a panic report. A page fault (or the double fault it turns into
    // when the stack itself is gone) inside a stack's guard page is reported as the stack overflow it is. Exceptions
    // in user mode go, described, to the handler the process layer registers: they end a program, not the kernel.
    public static unsafe class CpuExceptionReporter
    {
        const int PageFaultVector = 14;

        static readonly string[] s_names =
        {
            "divide error", "debug", "non-maskable interrupt", "breakpoint", "overflow", "bound range exceeded",
            "invalid opcode", "device not available", "double fault", "coprocessor segment overrun", "invalid TSS",
            "segment not present", "stack-segment fault", "general protection fault", "page fault", "reserved (15)",
            "x87 floating-point error", "alignment check", "machine check", "SIMD floating-point error",
            "virtualization exception", "control protection exception", "reserved (22)", "reserved (23)",
            "reserved (24)", "reserved (25)", "reserved (26)", "reserved (27)", "hypervisor injection exception",
            "VMM communication exception", "security exception", "reserved (31)",
        };

        static delegate*<InterruptFrame*, ulong, void> s_userFaultHandler;

        public static void Install()
        {
            for (int vector = 0; vector < Idt.ExceptionVectorCount; vector++) Idt.SetHandler(vector, &Report);
        }

        // handler(frame, faultAddress) runs, with interrupts off, for each exception raised in user mode (CR2 is the
        // fault address of page faults); when it returns, the program resumes where it was.
        public static void HandleUserFaults(delegate*<InterruptFrame*, ulong, void> handler) => s_userFaultHandler = handler;

        // The exception, in words: its name, and for a page fault the access, the address and the cause.
        public static string Describe(InterruptFrame* frame, ulong faultAddress)
        {
            int vector = (int)frame->Vector;
            return vector == PageFaultVector ? s_names[vector] + " (" + DescribePageFault(frame->ErrorCode, faultAddress) + ")" : s_names[vector];
        }

        static void Report(InterruptFrame* frame)
        {
            int vector = (int)frame->Vector;
            ulong faultAddress = Cpu.ReadCr2();
            if ((frame->Cs & 3) == 3 && s_userFaultHandler != null)
            {
                s_userFaultHandler(frame, faultAddress);
                return;
            }
            string details = null;
            if (vector == PageFaultVector) details = DescribePageFault(frame->ErrorCode, faultAddress);
            string overflow = (vector == PageFaultVector || vector == Idt.DoubleFaultVector) ? OverflowedStack(faultAddress) : null;
            if (overflow != null) details = (details == null ? "" : details + "\n") + "kernel stack overflow: " + overflow + " guard page hit";
            Panic.Halt(s_names[vector], details, frame);
        }

        // Page-fault error code bits: present, write, user, reserved bit, instruction fetch.
        static string DescribePageFault(ulong errorCode, ulong address)
        {
            string access = (errorCode & 0x10) != 0 ? "instruction fetch" : (errorCode & 2) != 0 ? "write" : "read";
            string cause = (errorCode & 8) != 0 ? "reserved bit set in a page table entry"
                         : (errorCode & 1) != 0 ? "protection violation" : "page not present";
            string mode = (errorCode & 4) != 0 ? "user" : "kernel";
            return access + " at 0x" + address.ToString("x16") + " in " + mode + " mode: " + cause;
        }

        static string OverflowedStack(ulong faultAddress)
        {
            if (IsInPage(faultAddress, KernelImage.BootStackGuard())) return "boot stack";
            if (IsInPage(faultAddress, KernelImage.FaultStackGuard())) return "fault stack";
            return KernelStacks.IsGuardPage(faultAddress) ? "a thread's stack" : null;
        }

        static bool IsInPage(ulong address, ulong page) => address >= page && address < page + KernelImage.PageSize;
    }
}
