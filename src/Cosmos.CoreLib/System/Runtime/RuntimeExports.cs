using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    // Boxing and unboxing helpers; ILC binds these by name.
    internal static unsafe class RuntimeExports
    {
        static byte* AddressOf(object o) => *(byte**)&o;

        // A box holds the value right after its MethodTable pointer.
        static byte* BoxData(object box) => AddressOf(box) + sizeof(nint);

        public static object RhBox(MethodTable* type, ref byte data)
        {
            byte* source = (byte*)Unsafe.AsPointer(ref data);
            if (type->IsNullable)
            {
                // Boxing a Nullable<T> gives null, or a boxed T: a boxed Nullable never exists.
                if (*source == 0) return null;
                source += type->NullableValueOffset;
                type = type->NullableType;
            }
            object box = ObjectAllocator.AllocateObject(type);
            Buffer.Memmove(BoxData(box), source, type->ValueTypeSize);
            return box;
        }

        // Unboxing needs the exact type, except that an enum and its underlying primitive unbox as each other (the
        // MethodTable of an enum carries its underlying type's element type).
        public static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj == null) throw new NullReferenceException();
            if (!IsUnboxableAs(obj.m_pEEType, type)) throw new InvalidCastException();
            return ref *BoxData(obj);
        }

        static bool IsUnboxableAs(MethodTable* boxType, MethodTable* type)
            => boxType == type || (type->ElementType == boxType->ElementType && IsPrimitive(type->ElementType));

        static bool IsPrimitive(ElementType elementType) => elementType >= ElementType.Boolean && elementType <= ElementType.Double;

        // (T?)obj: null gives an empty Nullable, a boxed T gives one with a value.
        public static void RhUnboxNullable(ref byte data, MethodTable* nullableType, object obj)
        {
            byte* destination = (byte*)Unsafe.AsPointer(ref data);
            if (obj == null)
            {
                Buffer.ZeroMemory(destination, nullableType->ValueTypeSize);
                return;
            }
            MethodTable* underlying = nullableType->NullableType;
            if (!IsUnboxableAs(obj.m_pEEType, underlying)) throw new InvalidCastException();
            *destination = 1;
            Buffer.Memmove(destination + nullableType->NullableValueOffset, BoxData(obj), underlying->ValueTypeSize);
        }

        public static bool RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
            => IsUnboxableAs(boxType, type) || (type->IsNullable && IsUnboxableAs(boxType, type->NullableType));
    }
}
