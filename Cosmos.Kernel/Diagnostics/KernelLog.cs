using Cosmos.Kernel.Arch.X64;

namespace Cosmos.Kernel.Diagnostics
{
    // The kernel's text output: the serial console. Strings are written as UTF-16 code units truncated to bytes.
    public static class KernelLog
    {
        static SerialPort s_port;

        public static void Initialize(SerialPort port) { s_port = port; }

        public static void Write(char c)
        {
            if (s_port == null) return;
            if (c == '\n') s_port.Write((byte)'\r');
            s_port.Write((byte)c);
        }

        public static void Write(string text)
        {
            if (text == null) return;
            for (int i = 0; i < text.Length; i++) Write(text[i]);
        }

        public static void WriteLine(string text)
        {
            Write(text);
            Write('\n');
        }

        public static void Flush() => s_port?.Flush();
    }
}
