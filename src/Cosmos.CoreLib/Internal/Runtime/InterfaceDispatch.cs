using System;
using System.Runtime;

namespace Internal.Runtime
{
    // Resolves interface calls. ILC emits a call through a dispatch cell whose stub is RhpInitialDynamicInterfaceDispatch
    // (boot assembly); the stub saves the argument registers and asks Resolve for the target. Resolved targets are
    // remembered in a direct-mapped cache keyed by (object type, cell), so only the first call of each pair walks the
    // dispatch maps.
    internal static unsafe class InterfaceDispatch
    {
        // Layout ILC emits on x64: a block of cells for one interface method, ended by a cell whose Stub is zero
        // and whose Cache holds the interface slot number.
        struct Cell
        {
            public nint Stub;
            public nint Cache;
        }

        struct CacheEntry
        {
            public MethodTable* Type;
            public Cell* Cell;
            public nint Target;
        }

        const int CacheSize = 1024; // a power of two

        struct CacheStorage
        {
            public fixed byte Bytes[CacheSize * 24];
        }

        static CacheStorage s_cache;
        static ulong s_misses;

        // Number of resolutions that had to walk the dispatch maps (tests use it to see the cache work).
        internal static ulong CacheMisses => s_misses;

        [RuntimeExport("RhResolveInterfaceDispatch")]
        static nint Resolve(object target, Cell* cell)
        {
            if (target == null) throw new NullReferenceException();
            MethodTable* type = target.m_pEEType;
            CacheEntry* entry = CacheSlot(type, cell);
            if (entry->Type == type && entry->Cell == cell) return entry->Target;

            s_misses++;
            nint resolved = FindImplementation(type, InterfaceOf(cell), SlotOf(cell));
            if (resolved == 0) Environment.FailFast("interface dispatch: the object's type does not implement the interface method");
            entry->Type = type;
            entry->Cell = cell;
            entry->Target = resolved;
            return resolved;
        }

        static CacheEntry* CacheSlot(MethodTable* type, Cell* cell)
        {
            ulong hash = ((ulong)type >> 3) * 0x9E3779B97F4A7C15UL ^ ((ulong)cell >> 4);
            fixed (byte* table = s_cache.Bytes)
                return (CacheEntry*)table + (int)((hash >> 20) & (CacheSize - 1));
        }

        // Cache tag 3: relative pointer (from the Cache field) to the interface type; tag 1: direct pointer.
        static MethodTable* InterfaceOf(Cell* cell)
        {
            nint cache = cell->Cache;
            nint pointer = cache & ~(nint)3;
            return (cache & 3) == 3 ? (MethodTable*)((byte*)&cell->Cache + (int)pointer) : (MethodTable*)pointer;
        }

        static int SlotOf(Cell* cell)
        {
            while (cell->Stub != 0) cell++;
            return (ushort)cell->Cache;
        }

        // Walks the type and its bases, most derived first, so overrides win; default interface methods are
        // found in the interface's own entries.
        internal static nint FindImplementation(MethodTable* type, MethodTable* interfaceType, int slot)
        {
            for (MethodTable* current = type; current != null; current = current->RelatedType)
            {
                DispatchMap* map = current->DispatchMap;
                if (map == null) continue;
                DispatchMap.Entry* entries = map->Entries;
                for (int i = 0; i < map->InstanceEntryCount; i++)
                {
                    if (entries[i].InterfaceSlot != slot || current->InterfaceMap[entries[i].InterfaceIndex] != interfaceType) continue;
                    int implementation = entries[i].ImplementationSlot;
                    return implementation < current->NumVtableSlots
                        ? type->VTable[implementation]
                        : current->GetSealedVirtualSlot(implementation - current->NumVtableSlots);
                }
            }
            return 0;
        }
    }
}
