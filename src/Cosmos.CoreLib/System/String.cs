using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Internal.Runtime;

namespace System
{
    public sealed unsafe class String : IEquatable<string>
    {
        // Layout and field names are a contract with ILC (its static preinitializer writes them): length, then UTF-16 chars.
        private readonly int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        // ILC turns `new string(...)` into a call to the static Ctor method with the same parameters.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char* value, int startIndex, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        private static string Ctor(char* value, int startIndex, int length)
        {
            if (length < 0 || startIndex < 0) throw new ArgumentOutOfRangeException();
            string result = FastAllocateString(length);
            Buffer.MemoryCopy(value + startIndex, result.FirstCharPointer, length * sizeof(char), length * sizeof(char));
            return result;
        }

        private static string Ctor(char c, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException();
            string result = FastAllocateString(count);
            char* p = result.FirstCharPointer;
            for (int i = 0; i < count; i++) p[i] = c;
            return result;
        }

        private static string Ctor(ReadOnlySpan<char> value)
        {
            string result = FastAllocateString(value.Length);
            value.CopyTo(new Span<char>(result.FirstCharPointer, value.Length));
            return result;
        }

        private static string Ctor(char[] value) => Ctor(new ReadOnlySpan<char>(value));

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return Ctor(new ReadOnlySpan<char>(value, startIndex, length));
        }

        internal static string CreateFromChar(char c) => Ctor(c, 1);

        internal static string FastAllocateString(int length)
        {
            if (length == 0) return Empty;
            object empty = Empty;
            return Unsafe.As<string>(ObjectAllocator.AllocateArray(empty.m_pEEType, length));
        }

        private char* FirstCharPointer
        {
            get { fixed (char* p = &_firstChar) return p; }
        }

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) throw new IndexOutOfRangeException();
                return FirstCharPointer[index];
            }
        }

        public ref readonly char GetPinnableReference() => ref _firstChar;

        public static implicit operator ReadOnlySpan<char>(string value) => value.AsSpan();

        public static bool IsNullOrEmpty(string value) => value == null || value._stringLength == 0;

        public static bool Equals(string a, string b)
        {
            if ((object)a == b) return true;
            if ((object)a == null || (object)b == null || a._stringLength != b._stringLength) return false;
            char* pa = a.FirstCharPointer, pb = b.FirstCharPointer;
            for (int i = 0; i < a._stringLength; i++)
                if (pa[i] != pb[i]) return false;
            return true;
        }

        // Compares UTF-16 code units, as the BCL does: null sorts first; a prefix sorts before the longer string.
        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == strB) return 0;
            if ((object)strA == null) return -1;
            if ((object)strB == null) return 1;
            int shorter = strA._stringLength < strB._stringLength ? strA._stringLength : strB._stringLength;
            for (int i = 0; i < shorter; i++)
            {
                int difference = strA.FirstCharPointer[i] - strB.FirstCharPointer[i];
                if (difference != 0) return difference;
            }
            return strA._stringLength - strB._stringLength;
        }

        public bool Equals(string value) => Equals(this, value);

        public override bool Equals(object obj) => obj is string s && Equals(this, s);

        public static bool operator ==(string a, string b) => Equals(a, b);

        public static bool operator !=(string a, string b) => !Equals(a, b);

        public override int GetHashCode() => (int)Fnv1a.Hash((byte*)FirstCharPointer, (nuint)_stringLength * sizeof(char));

        public override string ToString() => this;

        public CharEnumerator GetEnumerator() => new CharEnumerator(this);

        public string Substring(int startIndex) => Substring(startIndex, _stringLength - startIndex);

        public string Substring(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)_stringLength || (uint)length > (uint)(_stringLength - startIndex))
                throw new ArgumentOutOfRangeException();
            if (length == _stringLength) return this;
            return Ctor(FirstCharPointer, startIndex, length);
        }

        public int IndexOf(char value) => IndexOf(value, 0);

        public int IndexOf(char value, int startIndex)
        {
            if ((uint)startIndex > (uint)_stringLength) throw new ArgumentOutOfRangeException();
            for (int i = startIndex; i < _stringLength; i++)
                if (FirstCharPointer[i] == value) return i;
            return -1;
        }

        public int IndexOf(string value)
        {
            if (value == null) throw new ArgumentNullException();
            for (int i = 0; i + value._stringLength <= _stringLength; i++)
                if (RegionEquals(i, value)) return i;
            return -1;
        }

        public bool Contains(string value) => IndexOf(value) >= 0;

        public bool Contains(char value) => IndexOf(value) >= 0;

        public bool StartsWith(string value)
        {
            if (value == null) throw new ArgumentNullException();
            return value._stringLength <= _stringLength && RegionEquals(0, value);
        }

        public bool EndsWith(string value)
        {
            if (value == null) throw new ArgumentNullException();
            return value._stringLength <= _stringLength && RegionEquals(_stringLength - value._stringLength, value);
        }

        bool RegionEquals(int offset, string value)
        {
            for (int j = 0; j < value._stringLength; j++)
                if (FirstCharPointer[offset + j] != value.FirstCharPointer[j]) return false;
            return true;
        }

        public string Trim()
        {
            int start = 0, end = _stringLength;
            while (start < end && char.IsWhiteSpace(FirstCharPointer[start])) start++;
            while (end > start && char.IsWhiteSpace(FirstCharPointer[end - 1])) end--;
            return Substring(start, end - start);
        }

        public string PadLeft(int totalWidth)
        {
            int padding = Padding(totalWidth);
            return padding == 0 ? this : Concat(new string(' ', padding), this);
        }

        public string PadRight(int totalWidth)
        {
            int padding = Padding(totalWidth);
            return padding == 0 ? this : Concat(this, new string(' ', padding));
        }

        // The spaces PadLeft and PadRight add to reach totalWidth characters.
        int Padding(int totalWidth)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException(nameof(totalWidth), "a width cannot be negative");
            return totalWidth > _stringLength ? totalWidth - _stringLength : 0;
        }

        // Concat: every overload measures its parts, allocates the result once and copies them in.
        public static string Concat(string str0, string str1) => Concat((ReadOnlySpan<char>)str0, str1, default, default);

        public static string Concat(string str0, string str1, string str2) => Concat((ReadOnlySpan<char>)str0, str1, str2, default);

        public static string Concat(string str0, string str1, string str2, string str3)
            => Concat((ReadOnlySpan<char>)str0, str1, str2, str3);

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1) => Concat(str0, str1, default, default);

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2)
            => Concat(str0, str1, str2, default);

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2, ReadOnlySpan<char> str3)
        {
            string result = FastAllocateString(str0.Length + str1.Length + str2.Length + str3.Length);
            int pos = 0;
            result.Append(ref pos, str0);
            result.Append(ref pos, str1);
            result.Append(ref pos, str2);
            result.Append(ref pos, str3);
            return result;
        }

        public static string Concat(params string[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return Concat((ReadOnlySpan<string>)values);
        }

        public static string Concat(params ReadOnlySpan<string> values)
        {
            int length = 0;
            for (int i = 0; i < values.Length; i++) length += LengthOf(values[i]);
            string result = FastAllocateString(length);
            int pos = 0;
            for (int i = 0; i < values.Length; i++) result.Append(ref pos, values[i]);
            return result;
        }

        public static string Concat(object arg0) => arg0?.ToString() ?? Empty;

        public static string Concat(object arg0, object arg1) => Concat(arg0?.ToString(), arg1?.ToString());

        public static string Concat(object arg0, object arg1, object arg2)
            => Concat(arg0?.ToString(), arg1?.ToString(), arg2?.ToString());

        public static string Concat(params object[] args)
        {
            if (args == null) throw new ArgumentNullException(nameof(args));
            return Concat((ReadOnlySpan<object>)args);
        }

        public static string Concat(params ReadOnlySpan<object> args)
        {
            string[] strings = new string[args.Length];
            for (int i = 0; i < args.Length; i++) strings[i] = args[i]?.ToString();
            return Concat((ReadOnlySpan<string>)strings);
        }

        public static string Concat(IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            StringBuilder builder = new StringBuilder();
            foreach (string value in values) builder.Append(value);
            return builder.ToString();
        }

        public static string Concat<T>(IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            StringBuilder builder = new StringBuilder();
            foreach (T value in values)
                if (value != null) builder.Append(value.ToString());
            return builder.ToString();
        }

        static int LengthOf(string s) => s == null ? 0 : s._stringLength;

        // Only used on a freshly allocated result, before anyone else can see it.
        void Append(ref int pos, ReadOnlySpan<char> value)
        {
            value.CopyTo(new Span<char>(FirstCharPointer + pos, _stringLength - pos));
            pos += value.Length;
        }
    }
}
