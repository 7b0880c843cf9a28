using System;
using System.Collections.Generic;
using Cosmos.Kernel.Memory.Regions;

namespace Cosmos.Kernel.Tests.Memory.Regions
{
    // Returns the given numbers first (to force a zero or a repeated key), then a seeded sequence.
    public sealed class ScriptedRandom : IRandomSource
    {
        readonly Queue<ulong> _script;
        readonly Random _random = new Random(7);

        public ScriptedRandom(params ulong[] script)
        {
            _script = new Queue<ulong>(script);
        }

        public ulong Next() => _script.Count > 0 ? _script.Dequeue() : (ulong)_random.NextInt64() ^ ((ulong)_random.Next() << 63);
    }
}
