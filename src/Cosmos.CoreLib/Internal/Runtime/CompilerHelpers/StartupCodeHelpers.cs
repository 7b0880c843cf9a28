using System.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    // What the NativeAOT native bootstrapper normally does before managed code runs: give every type with static
    // reference fields its statics block, then run the static constructors ILC marked eager. ILC requires a class of
    // this name in the system module.
    internal static unsafe class StartupCodeHelpers
    {
        const uint ReadyToRunSignature = 0x00525452; // "RTR"
        const int GCStaticRegionSection = 201;
        const int EagerClassConstructorSection = 205;

        struct ReadyToRunHeader
        {
            public uint Signature;
            public ushort MajorVersion, MinorVersion;
            public uint Flags;
            public ushort NumberOfSections;
            public byte EntrySize, EntryType;
        }

        struct ModuleSection
        {
            public int SectionId;
            public int Flags;
            public byte* Start;
            public byte* End;
        }

        // Called by the boot code before any other managed code. modules: the linker-collected __modules table of
        // ReadyToRun header pointers. heap: the early heap region for objects created before the kernel's own heap.
        [RuntimeExport("cosmos_runtime_initialize")]
        static void InitializeRuntime(nint* modulesStart, nint* modulesEnd, byte* heapStart, byte* heapEnd)
        {
            ObjectAllocator.Initialize(heapStart, heapEnd);
            // Two passes: every statics block must exist before any static constructor runs.
            ForEachSection(modulesStart, modulesEnd, GCStaticRegionSection, &AllocateGCStatics);
            ForEachSection(modulesStart, modulesEnd, EagerClassConstructorSection, &RunEagerClassConstructors);
        }

        static void ForEachSection(nint* modulesStart, nint* modulesEnd, int sectionId, delegate*<byte*, byte*, void> action)
        {
            for (nint* module = modulesStart; module < modulesEnd; module++)
            {
                ReadyToRunHeader* header = (ReadyToRunHeader*)*module;
                if (header == null || header->Signature != ReadyToRunSignature) continue;
                ModuleSection* sections = (ModuleSection*)(header + 1);
                for (int i = 0; i < header->NumberOfSections; i++)
                    if (sections[i].SectionId == sectionId) action(sections[i].Start, sections[i].End);
            }
        }

        static byte* Follow(byte* relativePointer) => relativePointer + *(int*)relativePointer;

        // Each entry is a relative pointer to a statics cell. An unset cell holds a relative pointer to the
        // MethodTable of the statics block, tagged: bit 0 = not yet allocated, bit 1 = has preinitialized data (a
        // relative pointer to it follows in the next 4 bytes).
        static void AllocateGCStatics(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
            {
                nint* cell = (nint*)Follow(entry);
                nint tagged = (nint)Follow((byte*)cell);
                if ((tagged & 1) == 0) continue;
                MethodTable* type = (MethodTable*)(tagged & ~(nint)3);
                object block = ObjectAllocator.AllocateObject(type);
                byte* blockData = *(byte**)&block + sizeof(nint);
                if ((tagged & 2) != 0)
                {
                    byte* preinitialized = Follow((byte*)cell + sizeof(int));
                    System.Buffer.Memmove(blockData, preinitialized, type->BaseSize - (nuint)(2 * sizeof(nint)));
                }
                *cell = *(nint*)&block;
            }
        }

        static void RunEagerClassConstructors(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
                ((delegate*<void>)Follow(entry))();
        }
    }
}
