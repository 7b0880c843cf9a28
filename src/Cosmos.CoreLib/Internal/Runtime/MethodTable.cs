using System;

namespace Internal.Runtime
{
    // A read-only view of the MethodTable that ILC 10 emits for every type (x64 layout). Only what the runtime
    // helpers need. See docs/corelib.md for the layout.
    internal unsafe struct MethodTable
    {
        const uint HasComponentSizeFlag = 0x80000000;
        const uint HasDispatchMapFlag = 0x00040000;
        const uint HasFinalizerFlag = 0x00100000;
        const uint HasSealedVTableEntriesFlag = 0x00400000;
        const uint HasPointersFlag = 0x01000000;
        const uint IsGenericFlag = 0x02000000;
        const uint ElementTypeMask = 0x7C000000;
        const int ElementTypeShift = 26;

        // Types without a component size keep extended flags in the low 16 bits. For value types: the bytes of
        // padding the boxed form adds after the fields. For Nullable<T>: log2 of the offset of its value field.
        const uint ValueTypeFieldPaddingMask = 0x00E0;
        const int ValueTypeFieldPaddingShift = 5;
        const uint NullableValueOffsetMask = 0x0700;
        const int NullableValueOffsetShift = 8;

        // Flags: the low 16 bits hold the component size when HasComponentSizeFlag is set (arrays, strings).
        uint _flags;
        uint _baseSize;
        MethodTable* _relatedType;      // base type for classes and structs, element type for arrays
        ushort _numVtableSlots;
        ushort _numInterfaces;
        uint _hashCode;

        public uint BaseSize => _baseSize;

        public ushort ComponentSize => (_flags & HasComponentSizeFlag) != 0 ? (ushort)_flags : (ushort)0;

        public bool HasComponentSize => (_flags & HasComponentSizeFlag) != 0;

        // Whether instances hold object references (the collector's cue; ValueType.Equals cannot compare bits then).
        public bool HasPointers => (_flags & HasPointersFlag) != 0;

        // For value types: the exact size of the unboxed value (the box's base size adds the object header, the
        // MethodTable pointer and padding up to the minimum object size).
        public uint ValueTypeSize
            => _baseSize - (uint)(2 * sizeof(nint)) - ((_flags & ValueTypeFieldPaddingMask) >> ValueTypeFieldPaddingShift);

        // For Nullable<T>: T, its only generic argument. (RelatedType is the base type, System.ValueType.)
        public MethodTable* NullableType => (MethodTable*)Follow(GenericCompositionField);

        // For Nullable<T>: where the T value starts (hasValue is at offset 0).
        public uint NullableValueOffset => 1u << (int)((_flags & NullableValueOffsetMask) >> NullableValueOffsetShift);

        public ElementType ElementType => (ElementType)((_flags & ElementTypeMask) >> ElementTypeShift);

        public bool IsArray => ElementType == ElementType.SzArray || ElementType == ElementType.Array;

        public bool IsInterface => ElementType == ElementType.Interface;

        public bool IsNullable => ElementType == ElementType.Nullable;

        public bool IsValueType => ElementType < ElementType.Class;

        // For classes and structs: the base type (null for System.Object). For arrays: the element type.
        public MethodTable* RelatedType => _relatedType;

        public int NumVtableSlots => _numVtableSlots;

        public int NumInterfaces => _numInterfaces;

        public nint* VTable
        {
            get { fixed (MethodTable* self = &this) return (nint*)(self + 1); }
        }

        // Interface MethodTable pointers follow the vtable.
        public MethodTable** InterfaceMap => (MethodTable**)(VTable + _numVtableSlots);

        // After the interface map come 32-bit relative pointers: TypeManager, WritableData, then the optional
        // DispatchMap, Finalizer, SealedVirtualSlots, GenericDefinition and GenericComposition, each present only
        // when its flag says so.
        int* RelativePointers => (int*)(InterfaceMap + _numInterfaces);

        static byte* Follow(int* relativePointer) => (byte*)relativePointer + *relativePointer;

        int* SealedVirtualSlotsField
        {
            get
            {
                int* pointer = RelativePointers + 2;
                if ((_flags & HasDispatchMapFlag) != 0) pointer++;
                if ((_flags & HasFinalizerFlag) != 0) pointer++;
                return pointer;
            }
        }

        // With one generic argument the composition field points straight at it (with more, at a list of them).
        int* GenericCompositionField
        {
            get
            {
                int* pointer = SealedVirtualSlotsField;
                if ((_flags & HasSealedVTableEntriesFlag) != 0) pointer++;
                if ((_flags & IsGenericFlag) == 0) Environment.FailFast("MethodTable: not a generic instantiation");
                return pointer + 1; // skip GenericDefinition
            }
        }

        public DispatchMap* DispatchMap
            => (_flags & HasDispatchMapFlag) != 0 ? (DispatchMap*)Follow(RelativePointers + 2) : null;

        public nint GetSealedVirtualSlot(int index)
        {
            int* table = (int*)Follow(SealedVirtualSlotsField);
            return (nint)Follow(table + index);
        }

        public bool ImplementsInterface(MethodTable* interfaceType)
        {
            MethodTable** interfaces = InterfaceMap;
            for (int i = 0; i < _numInterfaces; i++)
                if (interfaces[i] == interfaceType) return true;
            return false;
        }
    }

    // EETypeElementType as ILC 10 encodes it in the flags.
    internal enum ElementType
    {
        Unknown = 0x00, Void = 0x01, Boolean = 0x02, Char = 0x03, SByte = 0x04, Byte = 0x05, Int16 = 0x06, UInt16 = 0x07,
        Int32 = 0x08, UInt32 = 0x09, Int64 = 0x0A, UInt64 = 0x0B, IntPtr = 0x0C, UIntPtr = 0x0D, Single = 0x0E, Double = 0x0F,
        ValueType = 0x10, Nullable = 0x12,
        Class = 0x14, Interface = 0x15, SystemArray = 0x16, Array = 0x17, SzArray = 0x18, ByRef = 0x19, Pointer = 0x1A,
        FunctionPointer = 0x1B,
    }

    // Header of a type's interface dispatch map; entries follow it.
    internal unsafe struct DispatchMap
    {
        public ushort StandardEntryCount;
        public ushort DefaultEntryCount;
        public ushort StandardStaticEntryCount;
        public ushort DefaultStaticEntryCount;

        public struct Entry
        {
            public ushort InterfaceIndex;     // index into the type's interface map
            public ushort InterfaceSlot;      // slot in the interface
            public ushort ImplementationSlot; // vtable slot, or sealed slot when >= NumVtableSlots
        }

        // Instance entries (standard then default) come first; static-virtual entries follow and are not needed here.
        public int InstanceEntryCount => StandardEntryCount + DefaultEntryCount;

        public Entry* Entries
        {
            get { fixed (DispatchMap* self = &this) return (Entry*)(self + 1); }
        }
    }
}
