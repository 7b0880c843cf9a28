using Cosmos.Kernel.Arch.X64;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Syscalls
{
    // Shared memory keys: the CPU's random number generator (RDRAND) where it has one. Otherwise the time-stamp
    // counter, read at every key and stirred into a SplitMix64 sequence: not predictable without the exact cycle count
    // of each call, but weaker, and the boot log says so.
    sealed unsafe class RandomKeys : IRandomSource
    {
        ulong _state = Cpu.ReadTimestamp();

        public ulong Next()
        {
            ulong value;
            if (CpuFeatures.RandomNumbers && Cpu.ReadRandom(&value)) return value;
            _state += 0x9E37_79B9_7F4A_7C15 ^ Cpu.ReadTimestamp();
            value = _state;
            value = (value ^ (value >> 30)) * 0xBF58_476D_1CE4_E5B9;
            value = (value ^ (value >> 27)) * 0x94D0_49BB_1331_11EB;
            return value ^ (value >> 31);
        }
    }
}
