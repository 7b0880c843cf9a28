namespace Cosmos.Emulation;

// A file GRUB loads next to the kernel as a multiboot2 module; Name is both its file name and its command line.
public sealed record BootModule(string Name, byte[] Content);
