using System;

namespace Cosmos.Userland.Runtime
{
    // Null-terminated UTF-8 strings and the null-terminated arrays of them (argv, envp) that system calls take. The
    // memory comes from the managed heap, which never moves objects, so a `fixed` pointer stays valid while the array
    // is referenced.
    public static unsafe class CString
    {
        // `text` as UTF-8 with a terminating zero byte.
        public static byte[] From(string text)
        {
            var bytes = new byte[Utf8.EncodedLength(text) + 1];
            Utf8.Encode(text, bytes);
            return bytes;
        }

        // The string at `text`, up to its zero byte or `maximumLength` bytes.
        public static string Read(byte* text, int maximumLength = int.MaxValue)
        {
            int length = 0;
            while (length < maximumLength && text[length] != 0) length++;
            return Utf8.Decode(new ReadOnlySpan<byte>(text, length));
        }

        // Every string of a null-terminated array of C strings.
        public static string[] ReadArray(byte** strings)
        {
            int count = 0;
            while (strings[count] != null) count++;
            var result = new string[count];
            for (int i = 0; i < count; i++) result[i] = Read(strings[i]);
            return result;
        }
    }
}
