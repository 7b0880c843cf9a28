using System;
using Cosmos.Plugs;

namespace Cosmos.Userland.Runtime
{
    // GC.Collect, which CoreLib leaves empty, runs the user heap's collector.
    [Plug(typeof(GC))]
    static class GCPlug
    {
        public static void Collect() => UserHeap.Collect();
    }
}
