using Cosmos.Kernel.FileSystem;
using Cosmos.Kernel.Loader;
using Cosmos.Kernel.Tasking;

namespace Cosmos.Kernel.Syscalls
{
    // Starts a program file as a new process: what spawn does for a program, and what the kernel does for /bin/init.
    // The child's descriptors 0, 1 and 2 are the console; of the rest, it inherits only its parent's rights to
    // inheritable shared memory objects (docs/processes.md).
    public static class ProgramStarter
    {
        public static Errno Start(string path, string[] arguments, string[] environment, Process parent, out Process process)
        {
            process = null;
            Errno error = SystemCalls.Files.LoadProgram(path, arguments, environment, out ProgramLoader.LoadedProgram program);
            if (error != Errno.None) return error;
            process = ProcessTable.Create(path, parent, program.AddressSpace, ConsoleDescriptors());
            if (parent != null) SharedMemoryCalls.Directory.Inherit(parent.Id, process.Id);
            ProcessTable.Run(process, program.Entry, program.StackPointer);
            return Errno.None;
        }

        // A descriptor table with 0, 1 and 2 open on the console.
        public static FileDescriptorTable ConsoleDescriptors()
        {
            var files = new FileDescriptorTable();
            for (int fd = 0; fd < 3; fd++) files.Add(ConsoleFile.Instance);
            return files;
        }
    }
}
