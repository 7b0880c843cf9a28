using Cosmos.Kernel.Arch.X64;

namespace Cosmos.Kernel.Diagnostics
{
    // The kernel's text output: the serial console. Strings are written as UTF-16 code units truncated to bytes. A
    // string goes out whole, under a lock, so that lines from different processors do not interleave; a writer waits
    // a bounded time for it, then writes anyway, so that a panic gets out even past a holder that died.
    public static class KernelLog
    {
        const int PatienceSpins = 1 << 24;

        static SerialPort s_port;
        static InterruptSpinLock s_lock;

        public static void Initialize(SerialPort port) { s_port = port; }

        public static void Write(char c)
        {
            bool locked = Lock();
            WriteUnlocked(c);
            Unlock(locked);
        }

        public static void Write(string text)
        {
            bool locked = Lock();
            WriteUnlocked(text);
            Unlock(locked);
        }

        public static void WriteLine(string text)
        {
            bool locked = Lock();
            WriteUnlocked(text);
            WriteUnlocked('\n');
            Unlock(locked);
        }

        public static void Flush() => s_port?.Flush();

        static void WriteUnlocked(string text)
        {
            if (text == null) return;
            for (int i = 0; i < text.Length; i++) WriteUnlocked(text[i]);
        }

        static void WriteUnlocked(char c)
        {
            if (s_port == null) return;
            if (c == '\n') s_port.Write((byte)'\r');
            s_port.Write((byte)c);
        }

        static bool Lock()
        {
            for (int spins = 0; spins < PatienceSpins; spins++)
            {
                if (s_lock.TryAcquire()) return true;
                Cpu.Pause();
            }
            return false;
        }

        static void Unlock(bool locked)
        {
            if (locked) s_lock.Release();
        }
    }
}
