using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory;

namespace Cosmos.Kernel
{
    // The prompt a plain boot ends at, on the serial console, until the userland shell exists. A handful of commands
    // for looking at the running kernel.
    public static class KernelMonitor
    {
        public static void Run()
        {
            KernelLog.WriteLine("Welcome to CosmosOS. Type 'help' for commands.");
            while (true)
            {
                KernelLog.Write("cosmos> ");
                string line = ReadLine().Trim();
                if (line.Length == 0) continue;
                if (line == "help") KernelLog.WriteLine("commands: help, meminfo, gc, echo <text>, panic, poweroff");
                else if (line == "meminfo")
                {
                    MemoryReport.WriteStatistics();
                    MemoryReport.WriteHeapStatistics();
                }
                else if (line == "gc")
                {
                    KernelHeap.Collect();
                    MemoryReport.WriteHeapStatistics();
                }
                else if (line.StartsWith("echo ")) KernelLog.WriteLine(line.Substring(5));
                else if (line == "panic") Panic.Halt("requested from the kernel monitor");
                else if (line == "poweroff")
                {
                    KernelLog.WriteLine("powering off");
                    KernelLog.Flush();
                    Power.Off();
                }
                else KernelLog.WriteLine("unknown command '" + line + "'; type 'help'");
            }
        }

        static string ReadLine()
        {
            var buffer = new char[256];
            int length = 0;
            while (true)
            {
                char c = KernelLog.ReadChar();
                if (c == '\r' || c == '\n')
                {
                    KernelLog.Write('\n');
                    return new string(buffer, 0, length);
                }
                if ((c == '\b' || c == (char)127) && length > 0)
                {
                    length--;
                    KernelLog.Write("\b \b");
                }
                else if (c >= ' ' && length < buffer.Length)
                {
                    buffer[length++] = c;
                    KernelLog.Write(c);
                }
            }
        }
    }
}
