using System;
using System.Collections.Generic;
using Cosmos.Kernel.Arch.X64.Acpi;

namespace Cosmos.Kernel.Arch.X64.Smp
{
    // Which processors the boot processor should start, from the MADT's list: every enabled one except itself, each
    // APIC ID once (a table may list one twice, as local APIC and x2APIC entries), in table order, which gives the
    // CPU indices 1, 2, ... Hardware-free.
    public static class ProcessorDiscovery
    {
        public static List<uint> ApplicationProcessors(IReadOnlyList<MadtProcessor> processors, uint bootApicId)
        {
            if (processors == null) throw new ArgumentNullException(nameof(processors));
            var result = new List<uint>();
            foreach (MadtProcessor processor in processors)
                if (processor.Enabled && processor.ApicId != bootApicId && !result.Contains(processor.ApicId))
                    result.Add(processor.ApicId);
            return result;
        }
    }
}
