using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Cosmos.Kernel.Memory;
using Cosmos.Kernel.Memory.Heap;

namespace Cosmos.Kernel.Tests.Memory.Heap
{
    // A kernel heap over host memory: the heap area is a host allocation, committed pages are zeroed and counted, and
    // decommitted pages are poisoned so that anything still using them reads garbage. Commit can be limited to a budget
    // of pages, to run the heap out of memory.
    public sealed unsafe class HostHeap : IDisposable
    {
        public const int DefaultAreaPages = 4096;          // 16 MiB
        const byte Poison = 0xDD;

        readonly byte* _area;
        readonly ulong* _bitmaps;
        readonly ulong* _markStack;
        readonly HashSet<ulong> _committed = new HashSet<ulong>();

        // types: the fake types the objects will have (the collector checks every MethodTable lies among them).
        public HostHeap(FakeTypes types, int areaPages = DefaultAreaPages, int markStackCapacity = 4096)
        {
            AreaPages = areaPages;
            _area = (byte*)NativeMemory.AlignedAlloc((nuint)areaPages * 4096, 4096);
            new Span<byte>(_area, areaPages * 4096).Fill(Poison);
            int words = VirtualArea.StorageWords(areaPages);
            _bitmaps = (ulong*)NativeMemory.AllocZeroed((nuint)words * 8);
            _markStack = (ulong*)NativeMemory.Alloc((nuint)markStackCapacity * 8);
            Memory = new Backing(this);
            Area = new VirtualArea((ulong)_area, areaPages, _bitmaps);
            Heap = new ObjectHeap(Area, Memory);
            Collector = new GarbageCollector(Heap, new MarkStack(_markStack, markStackCapacity), types.Range);
        }

        public int AreaPages { get; }
        public VirtualArea Area { get; }
        public ObjectHeap Heap { get; }
        public GarbageCollector Collector { get; }
        public IHeapMemory Memory { get; }

        // Pages Commit may still back; unlimited by default.
        public long CommitBudget { get; set; } = long.MaxValue;

        public int CommittedPages => _committed.Count;

        public bool IsCommitted(ulong address) => _committed.Contains(address & ~4095UL);

        // An object of the type, `length` elements long for arrays: MethodTable (and length) written as the runtime does.
        public ulong New(FakeTypes.FakeType type, int length = 0)
        {
            byte* slot = Heap.Allocate((nuint)type.SizeFor(length));
            if (slot == null) return 0;
            byte* obj = ObjectLayout.ObjectAt(slot);
            *(ulong*)obj = type.MethodTable;
            if (type.IsArray) *(int*)(obj + 8) = length;
            return (ulong)obj;
        }

        public static void Write(ulong obj, int offset, ulong value) => *(ulong*)(obj + (ulong)offset) = value;

        public static ulong Read(ulong obj, int offset) => *(ulong*)(obj + (ulong)offset);

        // A collection whose roots are `stack`, scanned conservatively, and objects laid out in objectRoots.
        public void Collect(ulong[] stack, params MemoryRange[] objectRoots)
        {
            fixed (ulong* words = stack)
                Collector.Collect(new Roots(new MemoryRange((ulong)words, (ulong)(words + stack.Length)), objectRoots));
        }

        sealed class Roots : IRoots
        {
            readonly MemoryRange _stack;
            readonly MemoryRange[] _objects;

            public Roots(MemoryRange stack, MemoryRange[] objects)
            {
                _stack = stack;
                _objects = objects;
            }

            public void Report(GarbageCollector collector)
            {
                collector.ScanConservatively(_stack);
                foreach (MemoryRange range in _objects) collector.ScanObjects(range);
            }
        }

        sealed class Backing : IHeapMemory
        {
            readonly HostHeap _owner;

            public Backing(HostHeap owner) => _owner = owner;

            public bool Commit(ulong address, int pageCount)
            {
                if (pageCount > _owner.CommitBudget) return false;
                for (int i = 0; i < pageCount; i++)
                {
                    ulong page = address + (ulong)i * 4096;
                    if (!_owner._committed.Add(page)) throw new InvalidOperationException("page 0x" + page.ToString("x") + " committed twice");
                    new Span<byte>((void*)page, 4096).Clear();
                }
                _owner.CommitBudget -= pageCount;
                return true;
            }

            public void Decommit(ulong address, int pageCount)
            {
                for (int i = 0; i < pageCount; i++)
                {
                    ulong page = address + (ulong)i * 4096;
                    if (!_owner._committed.Remove(page)) throw new InvalidOperationException("page 0x" + page.ToString("x") + " decommitted but not committed");
                    new Span<byte>((void*)page, 4096).Fill(Poison);
                }
                if (_owner.CommitBudget != long.MaxValue) _owner.CommitBudget += pageCount;
            }
        }

        public void Dispose()
        {
            NativeMemory.AlignedFree(_area);
            NativeMemory.Free(_bitmaps);
            NativeMemory.Free(_markStack);
        }
    }
}
