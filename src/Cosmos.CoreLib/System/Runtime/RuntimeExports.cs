using Internal.Runtime;

namespace System.Runtime
{
    // Boxing and unboxing helpers; ILC binds these by name.
    internal static unsafe class RuntimeExports
    {
        static byte* AddressOf(object o) => *(byte**)&o;

        // Size of a value type's data inside its box: the box's base size less the MethodTable pointer and the
        // object header slot that every base size includes.
        static nuint ValueSize(MethodTable* type) => type->BaseSize - (nuint)(2 * sizeof(nint));

        public static object RhBox(MethodTable* type, ref byte data)
        {
            byte* source = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref data);
            if (type->IsNullable)
            {
                // Boxing a Nullable<T> gives null, or a boxed T.
                if (*source == 0) return null;
                MethodTable* underlying = type->RelatedType;
                source += NullableValueOffset(type);
                type = underlying;
            }
            object box = ObjectAllocator.AllocateObject(type);
            Buffer.Memmove(AddressOf(box) + sizeof(nint), source, ValueSize(type));
            return box;
        }

        public static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj == null || obj.m_pMethodTable != type) throw new InvalidCastException();
            return ref *(AddressOf(obj) + sizeof(nint));
        }

        public static void RhUnboxNullable(ref byte data, MethodTable* nullableType, object obj)
        {
            byte* destination = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref data);
            MethodTable* underlying = nullableType->RelatedType;
            if (obj == null)
            {
                Buffer.ZeroMemory(destination, ValueSize(nullableType));
                return;
            }
            if (obj.m_pMethodTable != underlying) throw new InvalidCastException();
            *destination = 1;
            Buffer.Memmove(destination + NullableValueOffset(nullableType), AddressOf(obj) + sizeof(nint), ValueSize(underlying));
        }

        public static bool RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
            => type == boxType || (type->IsNullable && type->RelatedType == boxType);

        // Nullable<T> is { bool hasValue; T value; }: the value sits at T's alignment, which the sizes reveal:
        // the Nullable is one alignment unit larger than T (rounded), so offset = size(Nullable) - size(T).
        static nuint NullableValueOffset(MethodTable* nullableType)
        {
            nuint offset = ValueSize(nullableType) - ValueSize(nullableType->RelatedType);
            return offset == 0 ? 1 : offset;
        }
    }
}
