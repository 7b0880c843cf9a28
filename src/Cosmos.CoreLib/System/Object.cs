namespace System
{
    public class Object
    {
        // Layout contract with ILC: the first field of every object is its MethodTable pointer. ILC also expects
        // this name (the unboxing stubs of shared generic structs read the field).
        internal unsafe Internal.Runtime.MethodTable* m_pEEType;

        public Object() { }

        ~Object() { }

        public virtual bool Equals(object obj) => (object)this == obj;

        public virtual int GetHashCode()
        {
            // Objects do not move (the kernel GC does not compact), so the address is a stable identity hash.
            object self = this;
            unsafe { return (int)(*(nint*)&self >> 4); }
        }

        public virtual string ToString() => "System.Object";

        public static bool ReferenceEquals(object objA, object objB) => objA == objB;
    }
}
