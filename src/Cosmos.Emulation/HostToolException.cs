namespace Cosmos.Emulation;

// A host program (dotnet, grub-mkrescue, an emulator, gdb) could not be started or failed; the message says which and
// carries what it printed.
public sealed class HostToolException(string message) : Exception(message);
