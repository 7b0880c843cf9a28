using System.Runtime.CompilerServices;

namespace Cosmos.Kernel.Memory.Heap
{
    // The reference fields of one object, read from the GC descriptor ILC writes just below its type's MethodTable
    // (CoreCLR's GCDesc format). The word right below the MethodTable is a series count N:
    //   N > 0: N series of {size, offset} words further down. A series is a run of references starting at
    //          object + offset and ending at object + offset + size + the object's size (the size is stored minus the
    //          base size, so one series covers any length of an array of references).
    //   N < 0: an array of structs holding references: one offset word (where element 0's first run starts), and -N
    //          {pointer count, bytes to skip} pairs of 32-bit halves further down, repeated for every element until
    //          the object's end.
    // Objects whose type has no references have no descriptor. Use: `while (refs.Next(out ulong* slot))`.
    public unsafe struct ObjectReferences
    {
        readonly byte* _object;
        readonly long* _descriptor;           // the MethodTable, as words: the descriptor lies at negative indices
        readonly long _seriesCount;
        readonly long _objectSize;
        readonly byte* _objectEnd;
        ulong* _cursor, _runEnd;
        byte* _nextRun;                       // arrays of structs: where the next run starts
        long _next;                           // the next series, or the next {count, skip} pair

        public ObjectReferences(byte* obj)
        {
            _object = obj;
            _descriptor = (long*)ObjectLayout.MethodTableOf(obj);
            _seriesCount = ObjectLayout.HasReferences(obj) ? _descriptor[-1] : 0;
            _objectSize = (long)ObjectLayout.SizeOf(obj);
            _objectEnd = obj - ObjectLayout.HeaderSize + _objectSize;
            _cursor = _runEnd = null;
            _nextRun = _seriesCount < 0 ? obj + _descriptor[-2] : null;
            _next = 0;
        }

        // Moves past the reference fields below `slot` (one this enumeration would reach): a scan resumes there.
        public void SkipTo(ulong* slot)
        {
            while (_runEnd <= slot && NextRun()) { }
            if (_cursor < slot) _cursor = slot;
        }

        // The next reference field, or false when there are no more.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Next(out ulong* slot)
        {
            while (_cursor >= _runEnd)
            {
                if (!NextRun())
                {
                    slot = null;
                    return false;
                }
            }
            slot = _cursor++;
            return true;
        }

        bool NextRun()
        {
            if (_seriesCount > 0)
            {
                if (_next == _seriesCount) return false;
                long* series = _descriptor - 3 - 2 * _next++;         // {size, offset}, the highest series first
                _cursor = (ulong*)(_object + series[1]);
                _runEnd = (ulong*)((byte*)_cursor + series[0] + _objectSize);
                return true;
            }
            if (_seriesCount < 0)
            {
                if (_nextRun >= _objectEnd) return false;
                uint* pair = (uint*)((byte*)_descriptor - 24 - 8 * _next);   // {pointer count, skip}, element order
                _cursor = (ulong*)_nextRun;
                _runEnd = _cursor + pair[0];
                _nextRun = (byte*)_runEnd + pair[1];
                _next = (_next + 1) % -_seriesCount;
                return true;
            }
            return false;
        }
    }
}
