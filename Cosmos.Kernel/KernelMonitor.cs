using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Diagnostics;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Tasking;

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
                string line = ConsoleInput.ReadLine(256)?.Trim();
                if (string.IsNullOrEmpty(line)) continue;
                if (line == "help") KernelLog.WriteLine("commands: help, meminfo, gc, threads, echo <text>, panic, poweroff");
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
                else if (line == "threads") WriteThreads();
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

        static void WriteThreads()
        {
            Scheduler scheduler = Scheduler.Instance;
            KernelLog.WriteLine("id priority state   name (" + scheduler.ContextSwitches.ToString() + " context switches)");
            foreach (Thread thread in scheduler.Threads())
            {
                KernelLog.WriteLine(thread.Id.ToString().PadLeft(2) + " " + Name(thread.Priority).PadRight(8) + " "
                                    + Name(thread.State).PadRight(7) + " " + thread.Name);
            }
        }

        // Enum names, which the kernel's CoreLib cannot produce by reflection.
        static string Name(ThreadPriority priority)
            => priority == ThreadPriority.High ? "high" : priority == ThreadPriority.Normal ? "normal" : "low";

        static string Name(ThreadState state)
            => state == ThreadState.Running ? "running" : state == ThreadState.Ready ? "ready"
               : state == ThreadState.Blocked ? "blocked" : state == ThreadState.Exiting ? "exiting" : "exited";
    }
}
