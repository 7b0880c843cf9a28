namespace Cosmos.Userland.Runtime
{
    // A wait4 status as Linux encodes it: the exit code in bits 8-15 after exit, the signal number in bits 0-6 when
    // killed.
    public readonly struct WaitStatus
    {
        public WaitStatus(int raw) => Raw = raw;

        public int Raw { get; }
        public bool Exited => (Raw & 0x7F) == 0;
        public int ExitCode => (Raw >> 8) & 0xFF;
        public int Signal => Raw & 0x7F;

        // "exit status N" or "killed by signal N", as the shell and init report it.
        public override string ToString() => Exited ? "exit status " + ExitCode.ToString() : "killed by signal " + Signal.ToString();
    }
}
