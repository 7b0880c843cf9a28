using Cosmos.Plugs;

namespace Cosmos.Userland.Runtime
{
    // ILC's start-up code for an EXE (__managed__Main) passes argc and argv to StartupCodeHelpers.InitializeCommandLineArgs
    // and takes Main's string[] from GetMainMethodArguments, when the corelib has them. The user runtime adds both; the
    // kernel, built as a library, has no Main and no need of them. The start block is already read (ProcessStart).
    [Plug("Internal.Runtime.CompilerHelpers.StartupCodeHelpers, System.Private.CoreLib")]
    static unsafe class StartupCodeHelpersPlug
    {
        [Expose]
        static void InitializeCommandLineArgs(int argc, sbyte** argv) { }

        // Main's args, as in .NET: argv without argv[0].
        [Expose]
        static string[] GetMainMethodArguments()
        {
            string[] all = ProcessStart.Arguments();
            var arguments = new string[all.Length == 0 ? 0 : all.Length - 1];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = all[i + 1];
            return arguments;
        }
    }
}
