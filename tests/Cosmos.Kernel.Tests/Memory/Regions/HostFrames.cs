using System;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // User memory's frames from simulated RAM's real page-frame allocator, so that a test can count free pages to the
    // frame. Freeing a frame twice, or one never allocated, throws in the allocator.
    public sealed unsafe class HostFrames : IPhysicalFrames
    {
        readonly SimulatedRam _ram;

        public HostFrames(SimulatedRam ram)
        {
            _ram = ram;
        }

        public ulong AllocateZeroed()
        {
            ulong frame = _ram.Allocator.AllocatePage();
            if (frame != 0) Bytes(frame).Clear();
            return frame;
        }

        public void Free(ulong frame) => _ram.Allocator.FreePage(frame);

        public Span<byte> Bytes(ulong frame)
        {
            if (frame == 0 || frame % 4096 != 0 || frame >= _ram.Size)
                throw new ArgumentOutOfRangeException(nameof(frame), "no such frame: 0x" + frame.ToString("x"));
            return new Span<byte>(_ram.Window + frame, 4096);
        }
    }
}
