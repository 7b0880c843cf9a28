using Cosmos.Kernel.Boot;

namespace Cosmos.Kernel.Diagnostics
{
    // Walks the frame-pointer chain that ILC-compiled code keeps (each frame's rbp points at the caller's saved rbp,
    // with the return address above it) and prints it symbolized. The walk stays inside the known kernel stacks, so a
    // corrupt rbp ends the trace instead of faulting again.
    public static unsafe class StackTrace
    {
        const int MaxFrames = 24;

        static SymbolTable s_symbols;

        public static void UseSymbols(SymbolTable symbols) { s_symbols = symbols; }

        public static void Print(ulong instructionPointer, ulong framePointer)
        {
            var addresses = new ulong[MaxFrames];
            int count = 0;
            addresses[count++] = instructionPointer;
            int repeated = 0, repeatedFrame = -1;
            while (count < MaxFrames && IsOnKernelStack(framePointer))
            {
                ulong returnAddress = ((ulong*)framePointer)[1];
                ulong callerFrame = ((ulong*)framePointer)[0];
                if (returnAddress == 0) break;
                // Deep recursion (a stack overflow) would fill the trace with one frame: count repeats instead.
                if (returnAddress == addresses[count - 1] && count > 1 && (repeatedFrame < 0 || repeatedFrame == count - 1))
                {
                    repeatedFrame = count - 1;
                    repeated++;
                }
                else addresses[count++] = returnAddress;
                if (callerFrame <= framePointer) break;   // stacks grow down: callers' frames lie above
                framePointer = callerFrame;
            }

            var names = new string[count];
            var offsets = new ulong[count];
            if (s_symbols != null) s_symbols.Resolve(CallSites(addresses, count), names, offsets);
            KernelLog.WriteLine("stack trace:");
            for (int i = 0; i < count; i++)
            {
                ulong offset = i == 0 ? offsets[i] : offsets[i] + 1;
                string symbol = names[i] == null || names[i].Length == 0 ? "?" : names[i] + "+0x" + offset.ToString("x");
                KernelLog.WriteLine("  at 0x" + addresses[i].ToString("x16") + " <" + symbol + ">");
                if (i == repeatedFrame) KernelLog.WriteLine("  ... the frame above repeats " + repeated.ToString() + " more times");
            }
        }

        // A return address points after its call, which may be the first byte of the next function: callers are
        // looked up at the byte before it. The first frame is the faulting instruction itself.
        static ulong[] CallSites(ulong[] addresses, int count)
        {
            var sites = new ulong[count];
            for (int i = 0; i < count; i++) sites[i] = i == 0 ? addresses[i] : addresses[i] - 1;
            return sites;
        }

        static bool IsOnKernelStack(ulong address)
        {
            if ((address & 7) != 0) return false;
            return Within(address, KernelImage.BootStackGuard() + KernelImage.PageSize, KernelImage.BootStackTop())
                || Within(address, KernelImage.FaultStackGuard() + KernelImage.PageSize, KernelImage.FaultStackTop());
        }

        static bool Within(ulong address, ulong bottom, ulong top) => address >= bottom && address + 16 <= top;
    }
}
