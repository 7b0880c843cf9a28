using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    public abstract class EqualityComparer<T> : IEqualityComparer<T>
    {
        public static EqualityComparer<T> Default { get; } = Create();

        // [Intrinsic]: ILC replaces this body per T (found by name) with the BCL's choice: GenericEqualityComparer
        // when T implements IEquatable<T>, Enum-, Nullable-, String- or ObjectEqualityComparer otherwise (all must
        // exist under those names), so ints, enums and structs compare without boxing. The body below only runs
        // where ILC cannot tell T (shared code): virtual Equals(object), right for string and overriding classes.
        [Intrinsic]
        static EqualityComparer<T> Create() => new ObjectEqualityComparer<T>();

        public abstract bool Equals(T x, T y);

        public abstract int GetHashCode(T obj);
    }

    internal sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x == null) return y == null;
            return y != null && x.Equals(y);
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }

    internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x == null) return y == null;
            return y != null && x.Equals(y);
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }

    // ILC asks for this one by name whenever it knows T is exactly string.
    internal sealed class StringEqualityComparer : EqualityComparer<string>
    {
        public override bool Equals(string x, string y) => string.Equals(x, y);

        public override int GetHashCode(string obj) => obj == null ? 0 : obj.GetHashCode();
    }

    internal sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct
    {
        public override bool Equals(T? x, T? y)
        {
            if (x.HasValue != y.HasValue) return false;
            return !x.HasValue || EqualityComparer<T>.Default.Equals(x.value, y.value);
        }

        public override int GetHashCode(T? obj) => obj.HasValue ? EqualityComparer<T>.Default.GetHashCode(obj.value) : 0;
    }

    // Enums compare their underlying integers, read in place: no boxing, no reflection.
    internal sealed unsafe class EnumEqualityComparer<T> : EqualityComparer<T> where T : struct, Enum
    {
        public override bool Equals(T x, T y) => Bits(ref x) == Bits(ref y);

        public override int GetHashCode(T obj)
        {
            ulong bits = Bits(ref obj);
            return (int)bits ^ (int)(bits >> 32);
        }

        static ulong Bits(ref T value) => sizeof(T) switch
        {
            1 => Unsafe.As<T, byte>(ref value),
            2 => Unsafe.As<T, ushort>(ref value),
            4 => Unsafe.As<T, uint>(ref value),
            _ => Unsafe.As<T, ulong>(ref value),
        };
    }
}
