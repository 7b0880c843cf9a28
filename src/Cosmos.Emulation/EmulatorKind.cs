namespace Cosmos.Emulation;

public enum EmulatorKind { Qemu, Bochs }
