namespace Cosmos.Emulation;

// The host cannot do its part: a program (dotnet, grub-mkrescue, an emulator, gdb) is missing or failed, or there is
// no terminal where one is needed. The message says which, with what the program printed.
public sealed class HostException(string message) : Exception(message);
