using System;
using Cosmos.Userland.Runtime;

// The commands the shell runs itself.
static unsafe class Builtins
{
    const int MaximumProcesses = 64, MaximumProcessors = 64;

    // Runs words[0] if it is a builtin; false if it is not one.
    public static bool TryRun(string[] words)
    {
        switch (words[0])
        {
            case "help": Help(); return true;
            case "echo": Echo(words); return true;
            case "cat": for (int i = 1; i < words.Length; i++) FilePrinter.Print("cat", words[i]); return true;
            case "ls": List(words.Length > 1 ? words[1] : "/"); return true;
            case "meminfo": MemoryInformation(); return true;
            case "ps": Processes(); return true;
            default: return false;
        }
    }

    static void Help()
    {
        Console.WriteLine("builtins: help, echo WORDS, cat FILE..., ls [DIR], meminfo, ps, exit [CODE]");
        Console.WriteLine("anything else runs a program: NAME is /bin/NAME, then /tests/NAME; a path runs as is");
    }

    static void Echo(string[] words)
    {
        var line = new System.Text.StringBuilder();
        for (int i = 1; i < words.Length; i++)
        {
            if (i > 1) line.Append(' ');
            line.Append(words[i]);
        }
        Console.WriteLine(line.ToString());
    }

    static void List(string directory)
    {
        long result = FileSystem.ListDirectory(directory, out string[] names);
        if (result < 0)
        {
            Console.WriteLine("ls: " + directory + ": error " + (-result).ToString());
            return;
        }
        foreach (string name in names) Console.WriteLine(name);
    }

    static void MemoryInformation()
    {
        MemoryInfo info;
        long result = SystemCalls.MemoryInfo(&info);
        if (result < 0)
        {
            Console.WriteLine("meminfo: error " + (-result).ToString());
            return;
        }
        Console.WriteLine("pages: " + info.FreePages.ToString() + " free of " + info.TotalPages.ToString()
                          + " (" + info.PageSize.ToString() + " bytes each)");
        Console.WriteLine("kernel heap: " + info.KernelHeapBytes.ToString() + " bytes in use, " + info.KernelHeapPages.ToString() + " pages");
        Console.WriteLine("processes: " + info.ProcessCount.ToString());
    }

    static void Processes()
    {
        ProcessInfo* processes = stackalloc ProcessInfo[MaximumProcesses];
        long count = SystemCalls.ListProcesses(processes, MaximumProcesses);
        if (count < 0)
        {
            Console.WriteLine("ps: error " + (-count).ToString());
            return;
        }
        Processors();
        Console.WriteLine("  PID PARENT STATE   THREADS RESIDENT NAME");
        for (int i = 0; i < count && i < MaximumProcesses; i++)
        {
            ProcessInfo* process = processes + i;
            Console.WriteLine(process->ProcessId.ToString().PadLeft(5) + " " + process->ParentProcessId.ToString().PadLeft(6)
                              + " " + (process->State == 0 ? "running" : "exited ") + " " + process->ThreadCount.ToString().PadLeft(7)
                              + " " + process->ResidentPages.ToString().PadLeft(8) + " " + process->Name);
        }
    }

    // One line per processor online: what it does now.
    static void Processors()
    {
        ProcessorInfo* processors = stackalloc ProcessorInfo[MaximumProcessors];
        long count = SystemCalls.ListProcessors(processors, MaximumProcessors);
        if (count < 0)
        {
            Console.WriteLine("ps: error " + (-count).ToString());
            return;
        }
        for (int i = 0; i < count && i < MaximumProcessors; i++)
        {
            ProcessorInfo* processor = processors + i;
            Console.WriteLine("CPU " + processor->Index.ToString() + " (APIC " + processor->ApicId.ToString() + "): "
                              + (processor->State == ProcessorInfo.Scheduling
                                 ? "running thread " + processor->ThreadId.ToString() + ", " + processor->ContextSwitches.ToString() + " context switches"
                                 : "not scheduling yet"));
        }
    }
}
