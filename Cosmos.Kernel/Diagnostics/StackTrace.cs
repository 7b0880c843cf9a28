using System;
using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Diagnostics.Unwinding;

namespace Cosmos.Kernel.Diagnostics
{
    // Prints a symbolized stack trace from a frame's registers, unwound with the call-frame information ILC writes into
    // .eh_frame (Unwinding/StackUnwinder.cs), so frameless methods and their callers all appear. The walk reads only
    // the kernel stack the frame is on, so a corrupt stack ends the trace instead of faulting again.
    public static unsafe class StackTrace
    {
        const int MaxFrames = 24;

        static SymbolTable s_symbols;

        public static void UseSymbols(SymbolTable symbols) { s_symbols = symbols; }

        // Starts `framesToSkip` callers above `frame` (the reporter's own frames are not news).
        public static void Print(FrameRegisters frame, int framesToSkip = 0)
        {
            var unwinder = new StackUnwinder(KernelCallFrames(), KernelStackAround(frame.StackPointer, out ulong stackAddress), stackAddress);
            for (int i = 0; i < framesToSkip && unwinder.TryStep(ref frame); i++) { }

            var addresses = new ulong[MaxFrames];
            int count = 0;
            bool firstIsReturnAddress = frame.IsReturnAddress;
            addresses[count++] = frame.InstructionPointer;
            int repeated = 0, repeatedFrame = -1;
            while (count < MaxFrames && unwinder.TryStep(ref frame))
            {
                ulong returnAddress = frame.InstructionPointer;
                // Deep recursion (a stack overflow) would fill the trace with one frame: count repeats instead.
                if (returnAddress == addresses[count - 1] && count > 1 && (repeatedFrame < 0 || repeatedFrame == count - 1))
                {
                    repeatedFrame = count - 1;
                    repeated++;
                }
                else addresses[count++] = returnAddress;
            }

            // A return address points after its call, which may be the first byte of the next function: such frames
            // are looked up at the byte before it.
            var sites = new ulong[count];
            for (int i = 0; i < count; i++) sites[i] = i > 0 || firstIsReturnAddress ? addresses[i] - 1 : addresses[i];
            var names = new string[count];
            var offsets = new ulong[count];
            if (s_symbols != null) s_symbols.Resolve(sites, names, offsets);
            KernelLog.WriteLine("stack trace:");
            for (int i = 0; i < count; i++)
            {
                ulong offset = offsets[i] + (addresses[i] - sites[i]);
                string symbol = names[i] == null || names[i].Length == 0 ? "?" : names[i] + "+0x" + offset.ToString("x");
                KernelLog.WriteLine("  at 0x" + addresses[i].ToString("x16") + " <" + symbol + ">");
                if (i == repeatedFrame) KernelLog.WriteLine("  ... the frame above repeats " + repeated.ToString() + " more times");
            }
        }

        static CallFrameInformation KernelCallFrames()
        {
            ulong start = KernelImage.EhFrameStart();
            return new CallFrameInformation(new ReadOnlySpan<byte>((void*)start, (int)(KernelImage.EhFrameEnd() - start)), start);
        }

        // The kernel stack holding `stackPointer`, or whose guard page it is in (after an overflow); empty for any
        // other address.
        static ReadOnlySpan<byte> KernelStackAround(ulong stackPointer, out ulong bottom)
        {
            if (!KernelStacks.TryFind(stackPointer, out bottom, out ulong top))
            {
                bottom = 0;
                return ReadOnlySpan<byte>.Empty;
            }
            return new ReadOnlySpan<byte>((void*)bottom, (int)(top - bottom));
        }
    }
}
