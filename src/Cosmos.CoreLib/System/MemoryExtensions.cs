using System.Runtime.CompilerServices;

namespace System
{
    public static class MemoryExtensions
    {
        // C# 14 lowers its built-in string-to-span conversion to this method (and String's conversion operator calls
        // it): the body must build the span itself, since converting would call this method again.
        public static ReadOnlySpan<char> AsSpan(this string text)
            => text == null ? default : new ReadOnlySpan<char>(ref Unsafe.AsRef(in text.GetPinnableReference()), text.Length);

        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);

        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>
        {
            if (span.Length != other.Length) return false;
            for (int i = 0; i < span.Length; i++)
                if (!span[i].Equals(other[i])) return false;
            return true;
        }

        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (span[i].Equals(value)) return i;
            return -1;
        }

        public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => ((ReadOnlySpan<T>)span).IndexOf(value);
    }
}
