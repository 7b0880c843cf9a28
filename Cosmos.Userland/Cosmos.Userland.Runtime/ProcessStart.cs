using System;
using System.Runtime;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Userland.Runtime
{
    // What the process started with: the System V start block at the initial stack pointer (argc, argv, 0, envp, 0,
    // auxv). Native/start.asm calls Start after cosmos_runtime_initialize and before Main.
    public static unsafe class ProcessStart
    {
        static int s_argumentCount;
        static byte** s_arguments;
        static byte** s_environment;

        [RuntimeExport("cosmos_process_start")]
        static void Start(long* startBlock, byte* imageStart, byte* imageEnd)
        {
            s_argumentCount = (int)startBlock[0];
            s_arguments = (byte**)(startBlock + 1);
            s_environment = s_arguments + s_argumentCount + 1;
            // Nothing above the start block refers to the heap: it is the top of the stack a collection scans.
            UserHeap.Initialize((ulong)startBlock, new MemoryRange((ulong)imageStart, (ulong)imageEnd));
        }

        // argv, argv[0] (the program's path) included.
        public static string[] Arguments()
        {
            var arguments = new string[s_argumentCount];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = CString.Read(s_arguments[i]);
            return arguments;
        }

        // envp: "NAME=value" strings.
        public static string[] Environment() => CString.ReadArray(s_environment);

        // The value of the environment variable `name`, or null.
        public static string EnvironmentVariable(string name)
        {
            for (byte** entry = s_environment; *entry != null; entry++)
            {
                string variable = CString.Read(*entry);
                if (variable.Length > name.Length && variable[name.Length] == '=' && variable.StartsWith(name))
                    return variable.Substring(name.Length + 1);
            }
            return null;
        }
    }
}
