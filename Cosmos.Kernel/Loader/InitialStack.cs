using System;
using System.Buffers.Binary;

namespace Cosmos.Kernel.Loader
{
    // The stack a program starts on, as the System V x86-64 psABI (3.4.1) lays it out and docs/syscalls.md shows:
    //
    //   stackPointer →  argc
    //                   argv[0] … argv[argc-1], 0
    //                   envp[0] … envp[n-1], 0
    //                   AT_PAGESZ, 4096, AT_NULL, 0
    //                   (padding to 16 bytes)
    //                   the strings, each ended by NUL          ← up to stackTop
    //
    // Strings are written one byte per char, the way UserAddressSpace.ReadString reads them from a program, so
    // arguments pass from parent to child unchanged; a char above 0xFF (which no program can send) becomes '?'.
    public static class InitialStack
    {
        // The most the arguments and environment may take; more is E2BIG.
        public const int MaximumBytes = 64 * 1024;

        const int WordSize = 8, Alignment = 16;
        const ulong PageSizeKey = 6, EndKey = 0;    // AT_PAGESZ, AT_NULL

        // The bytes to copy to [stackTop - result.Length, stackTop), with stackPointer (16-byte aligned) at argc;
        // null when they would exceed MaximumBytes.
        public static byte[] Build(ulong stackTop, string[] arguments, string[] environment, out ulong stackPointer)
        {
            arguments ??= Array.Empty<string>();
            environment ??= Array.Empty<string>();
            stackPointer = 0;
            long stringBytes = StringBytes(arguments) + StringBytes(environment);
            long vectorBytes = (1 + arguments.Length + 1 + environment.Length + 1 + 4) * (long)WordSize;
            if (stringBytes + vectorBytes + Alignment > MaximumBytes) return null;

            ulong stringsStart = stackTop - (ulong)stringBytes;
            stackPointer = (stringsStart - (ulong)vectorBytes) & ~(ulong)(Alignment - 1);
            var stack = new byte[stackTop - stackPointer];
            int vector = 0, text = (int)(stringsStart - stackPointer);
            Word(stack, ref vector, (ulong)arguments.Length);
            foreach (string argument in arguments) Word(stack, ref vector, stackPointer + (ulong)String(stack, ref text, argument));
            Word(stack, ref vector, 0);
            foreach (string variable in environment) Word(stack, ref vector, stackPointer + (ulong)String(stack, ref text, variable));
            Word(stack, ref vector, 0);
            Word(stack, ref vector, PageSizeKey);
            Word(stack, ref vector, ElfImage.PageSize);
            Word(stack, ref vector, EndKey);
            Word(stack, ref vector, 0);
            return stack;
        }

        static long StringBytes(string[] strings)
        {
            long bytes = 0;
            foreach (string s in strings) bytes += s.Length + 1;
            return bytes;
        }

        static void Word(byte[] stack, ref int at, ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(new Span<byte>(stack, at, WordSize), value);
            at += WordSize;
        }

        // Writes s and its NUL at `at`; returns where it starts.
        static int String(byte[] stack, ref int at, string s)
        {
            int start = at;
            foreach (char c in s) stack[at++] = c <= 0xFF ? (byte)c : (byte)'?';
            stack[at++] = 0;
            return start;
        }
    }
}
