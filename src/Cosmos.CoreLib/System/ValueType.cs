using Internal.Runtime;

namespace System
{
    public abstract unsafe class ValueType
    {
        // Without reflection there are no fields to walk: compare the value's bytes, as the BCL does for tightly
        // packed structs. Exact for primitives and enums; a struct with padding or references should override it.
        public override bool Equals(object obj)
        {
            if (obj == null || obj.m_pEEType != m_pEEType) return false;
            MethodTable* type = m_pEEType;
            if (type->HasPointers) Environment.FailFast("ValueType.Equals: a struct holding references must override Equals");
            byte* a = Data(this), b = Data(obj);
            for (uint i = 0; i < type->ValueTypeSize; i++)
                if (a[i] != b[i]) return false;
            return true;
        }

        public override int GetHashCode() => (int)Fnv1a.Hash(Data(this), m_pEEType->ValueTypeSize);

        // `this` is a box here: the value follows its MethodTable pointer.
        static byte* Data(object box) => *(byte**)&box + sizeof(nint);
    }

    public abstract class Enum : ValueType
    {
    }

    public struct Void
    {
    }
}
