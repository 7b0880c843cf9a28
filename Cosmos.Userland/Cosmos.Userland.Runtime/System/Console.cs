using Cosmos.Userland.Runtime;

namespace System
{
    // The BCL's Console, the subset a CosmosOS program needs: text to stdout (fd 1) and stderr (fd 2) as UTF-8, each
    // call written at once (no buffering, so output interleaves with the kernel's and the children's in order), and
    // lines from stdin (fd 0). The CosmosOS console returns one typed line per read; a pipe on a Linux host may return
    // several or part of one, so input goes through a buffer.
    public static unsafe class Console
    {
        const int StandardInput = 0, StandardOutput = 1, StandardError = 2;

        static readonly byte[] s_input = new byte[1024];
        static int s_inputStart;
        static int s_inputEnd;

        public static void Write(string value) => WriteTo(StandardOutput, value);
        public static void Write(char value) => WriteTo(StandardOutput, new string(value, 1));
        public static void Write(int value) => WriteTo(StandardOutput, value.ToString());
        public static void Write(long value) => WriteTo(StandardOutput, value.ToString());
        public static void Write(ulong value) => WriteTo(StandardOutput, value.ToString());
        public static void Write(object value) => WriteTo(StandardOutput, value?.ToString());

        public static void WriteLine() => WriteTo(StandardOutput, "\n");
        public static void WriteLine(string value) => WriteTo(StandardOutput, value + "\n");
        public static void WriteLine(char value) => WriteTo(StandardOutput, new string(value, 1) + "\n");
        public static void WriteLine(int value) => WriteTo(StandardOutput, value.ToString() + "\n");
        public static void WriteLine(long value) => WriteTo(StandardOutput, value.ToString() + "\n");
        public static void WriteLine(ulong value) => WriteTo(StandardOutput, value.ToString() + "\n");
        public static void WriteLine(object value) => WriteTo(StandardOutput, value?.ToString() + "\n");

        // Console.Error.WriteLine's everyday use, without a TextWriter.
        public static void ErrorWriteLine(string value) => WriteTo(StandardError, value + "\n");

        // The next line of input without its '\n', or null at the end of input.
        public static string ReadLine()
        {
            var line = new Collections.Generic.List<byte>();
            while (true)
            {
                if (s_inputStart == s_inputEnd && !FillInput())
                    return line.Count == 0 ? null : Utf8.Decode(line.ToArray());
                byte next = s_input[s_inputStart++];
                if (next == (byte)'\n') return Utf8.Decode(line.ToArray());
                line.Add(next);
            }
        }

        static bool FillInput()
        {
            long read;
            fixed (byte* buffer = s_input) read = SystemCalls.Read(StandardInput, buffer, (ulong)s_input.Length);
            s_inputStart = 0;
            s_inputEnd = read > 0 ? (int)read : 0;
            return read > 0;
        }

        static void WriteTo(int fd, string text)
        {
            if (string.IsNullOrEmpty(text)) return;
            byte[] bytes = Utf8.Encode(text);
            fixed (byte* buffer = bytes)
            {
                for (ulong written = 0; written < (ulong)bytes.Length;)
                {
                    long result = SystemCalls.Write(fd, buffer + written, (ulong)bytes.Length - written);
                    if (result <= 0) return;        // nowhere to write to: the text is lost, as with a closed stdout
                    written += (ulong)result;
                }
            }
        }
    }
}
