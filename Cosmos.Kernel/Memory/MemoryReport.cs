using Cosmos.Kernel.Boot;
using Cosmos.Kernel.Boot.Multiboot2;
using Cosmos.Kernel.Diagnostics;

namespace Cosmos.Kernel.Memory
{
    // The physical memory picture on the console, one fact per line, in a shape the system tests parse:
    //   MEMORY MAP <start> <end> <kind>         (each map entry as the firmware gave it, hex, end exclusive)
    //   MEMORY KERNEL|MODULE|BOOKKEEPING <start> <end> [name]
    //   MEMORY MODULES RELEASED                 (between the counters before and after)
    //   MEMINFO total=<pages> free=... allocated=... reserved=... modules=...
    //   HEAP in-use=<bytes> committed=<pages> spans=... allocated=... collections=... last-pause=... longest-pause=...
    public static class MemoryReport
    {
        public static void WritePlan(Multiboot2Info bootInfo)
        {
            foreach (MemoryMapEntry entry in bootInfo.MemoryMap)
                KernelLog.WriteLine("MEMORY MAP " + Range(entry.BaseAddress, entry.EndAddress) + " " + KindName(entry.Kind));
            KernelLog.WriteLine("MEMORY KERNEL " + Range(KernelImage.PhysicalLoadBase, KernelImage.PhysicalEnd));
            foreach (BootModule module in bootInfo.Modules)
                KernelLog.WriteLine("MEMORY MODULE " + Range(module.Start, module.End) + " " + module.CommandLine);
            PageRange bookkeeping = PhysicalMemory.Plan.Bookkeeping;
            KernelLog.WriteLine("MEMORY BOOKKEEPING " + Range(bookkeeping.StartAddress, bookkeeping.EndAddress));
        }

        public static void WriteStatistics() => KernelLog.WriteLine("MEMINFO " + PhysicalMemory.Allocator.Statistics.ToString());

        // The counters read just before and just after the modules were released: read first and printed after, since
        // printing allocates on the kernel heap, whose pages would count as a change.
        public static void WriteModuleRelease(PhysicalMemoryStatistics before, PhysicalMemoryStatistics after)
        {
            KernelLog.WriteLine("MEMINFO " + before.ToString());
            KernelLog.WriteLine("MEMORY MODULES RELEASED");
            KernelLog.WriteLine("MEMINFO " + after.ToString());
        }

        public static void WriteHeapStatistics() => KernelLog.WriteLine("HEAP " + KernelHeap.Statistics.ToString());

        static string Range(ulong start, ulong end) => "0x" + start.ToString("x") + " 0x" + end.ToString("x");

        static string KindName(MemoryRegionKind kind)
        {
            switch (kind)
            {
                case MemoryRegionKind.Available: return "available";
                case MemoryRegionKind.Reserved: return "reserved";
                case MemoryRegionKind.AcpiReclaimable: return "acpi-reclaimable";
                case MemoryRegionKind.AcpiNvs: return "acpi-nvs";
                case MemoryRegionKind.Defective: return "defective";
                default: return "type-" + ((uint)kind).ToString();
            }
        }
    }
}
