using System;

namespace Cosmos.Userland.Runtime
{
    // Starting child programs and waiting for them, over spawn and wait4 with managed strings.
    public static unsafe class Process
    {
        // Starts the program at `path` with `arguments` as its argv (argv[0] included) and `environment` as its envp
        // ("NAME=value" each). Returns the child's pid, or -errno.
        public static long Spawn(string path, string[] arguments, string[] environment)
        {
            byte[] pathBytes = CString.From(path);
            var argv = new CStringArray(arguments);
            var envp = new CStringArray(environment);
            long result;
            fixed (byte* pathPointer = pathBytes) result = SystemCalls.Spawn(pathPointer, argv.Pointers, envp.Pointers);
            GC.KeepAlive(argv);
            GC.KeepAlive(envp);
            return result;
        }

        // Waits for the child `pid` to end; returns its pid, or -errno.
        public static long Wait(int pid, out WaitStatus status)
        {
            int raw = 0;
            long result = SystemCalls.Wait4(pid, &raw, 0, null);
            status = new WaitStatus(raw);
            return result;
        }
    }
}
