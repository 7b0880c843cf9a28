using System;
using System.Runtime;

namespace Cosmos.Userland.Runtime
{
    // CoreLib's Environment.FailFast (also every unhandled exception) lands here: the message goes to stderr and the
    // process ends with status 134, as a .NET program that aborts does on Linux.
    static unsafe class FailFast
    {
        const int StandardError = 2;
        const int AbortStatus = 134;

        [RuntimeExport("cosmos_fail_fast")]
        static void Report(string message)
        {
            WriteUtf8("fail fast: ");
            WriteUtf8(message);
            WriteUtf8("\n");
            SystemCalls.Exit(AbortStatus);
        }

        // Without allocating: the heap may be what failed.
        static void WriteUtf8(string text)
        {
            byte* buffer = stackalloc byte[256];
            var destination = new Span<byte>(buffer, 256);
            // 64 characters encode into at most 256 bytes; a surrogate pair is never split between two pieces.
            for (int start = 0; start < text.Length;)
            {
                int count = Math.Min(64, text.Length - start);
                if (count > 1 && text[start + count - 1] >= 0xD800 && text[start + count - 1] < 0xDC00) count--;
                int length = Utf8.Encode(text.AsSpan().Slice(start, count), destination);
                SystemCalls.Write(StandardError, buffer, (ulong)length);
                start += count;
            }
        }
    }
}
