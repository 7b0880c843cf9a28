using Internal.Runtime;

namespace System.Runtime
{
    // Casting and array-store helpers; ILC binds these by name. Supported: class hierarchies, interfaces listed in a
    // type's interface map, arrays (System.Array, object, and reference-element covariance). Not supported: generic
    // variance of interfaces and delegates.
    internal static unsafe class TypeCast
    {
        static MethodTable* TypeOf(object o) => o.m_pEEType;

        static bool IsObjectType(MethodTable* type) => type->ElementType == ElementType.Class && type->RelatedType == null;

        internal static bool IsAssignable(MethodTable* source, MethodTable* target)
        {
            if (source == target) return true;
            if (target->IsInterface) return source->ImplementsInterface(target);
            if (source->IsArray) return IsArrayAssignable(source, target);
            for (MethodTable* type = source->RelatedType; type != null; type = type->RelatedType)
                if (type == target) return true;
            return false;
        }

        static bool IsArrayAssignable(MethodTable* sourceArray, MethodTable* target)
        {
            if (IsObjectType(target) || target->ElementType == ElementType.SystemArray) return true;
            if (target->ElementType != sourceArray->ElementType || target->BaseSize != sourceArray->BaseSize) return false;
            MethodTable* sourceElement = sourceArray->RelatedType, targetElement = target->RelatedType;
            // Covariance holds for reference elements only: a string[] is an object[], an int[] is not a uint[] here.
            return !sourceElement->IsValueType && !targetElement->IsValueType && IsAssignable(sourceElement, targetElement);
        }

        public static object IsInstanceOfAny(MethodTable* targetType, object obj)
            => obj == null || IsAssignable(TypeOf(obj), targetType) ? obj : null;

        public static object IsInstanceOfInterface(MethodTable* targetType, object obj)
            => obj == null || TypeOf(obj)->ImplementsInterface(targetType) ? obj : null;

        public static object IsInstanceOfClass(MethodTable* targetType, object obj)
            => obj == null || IsAssignable(TypeOf(obj), targetType) ? obj : null;

        public static bool IsInstanceOfException(MethodTable* targetType, object obj)
            => obj != null && IsAssignable(TypeOf(obj), targetType);

        public static object CheckCastAny(MethodTable* targetType, object obj) => Checked(IsInstanceOfAny(targetType, obj), obj);

        public static object CheckCastInterface(MethodTable* targetType, object obj) => Checked(IsInstanceOfInterface(targetType, obj), obj);

        public static object CheckCastClass(MethodTable* targetType, object obj) => Checked(IsInstanceOfClass(targetType, obj), obj);

        public static object CheckCastClassSpecial(MethodTable* targetType, object obj) => CheckCastClass(targetType, obj);

        static object Checked(object castResult, object obj)
        {
            if (castResult == null && obj != null) throw new InvalidCastException();
            return obj;
        }

        // Element 0 of a reference array, from the raw object address (ldelema here would recurse into LdelemaRef).
        static object* ArrayData(object[] array) => (object*)(*(byte**)&array + 2 * sizeof(nint));

        // array[index] = obj for arrays of references: bounds check, then the covariance check that keeps a string[]
        // seen as object[] from receiving anything but strings.
        public static void StelemRef(object[] array, nint index, object obj)
        {
            if (array == null) throw new NullReferenceException();
            if ((nuint)index >= (uint)array.Length) throw new IndexOutOfRangeException();
            if (!IsElementStoreAllowed(array, obj)) throw new ArrayTypeMismatchException();
            ArrayData(array)[index] = obj;
        }

        // Null fits any reference array; anything else must be assignable to the array's actual element type.
        internal static bool IsElementStoreAllowed(object[] array, object obj)
        {
            if (obj == null) return true;
            MethodTable* elementType = TypeOf(array)->RelatedType;
            return TypeOf(obj) == elementType || IsObjectType(elementType) || IsAssignable(TypeOf(obj), elementType);
        }

        // ref array[index] for arrays of references: the element type must match exactly, or a covariant array
        // would hand out a writable reference of the wrong type.
        public static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if (array == null) throw new NullReferenceException();
            if ((nuint)index >= (uint)array.Length) throw new IndexOutOfRangeException();
            if (TypeOf(array)->RelatedType != elementType) throw new ArrayTypeMismatchException();
            return ref *(ArrayData(array) + index);
        }
    }
}
