using System.Collections;
using System.Collections.Generic;

namespace System
{
    // What string.GetEnumerator returns. Roslyn needs String.GetEnumerator to exist to compile `foreach` over a
    // string, even though it then lowers the loop to Length and the indexer.
    public sealed class CharEnumerator : IEnumerator<char>
    {
        readonly string _string;
        int _index = -1;

        internal CharEnumerator(string value) { _string = value; }

        public bool MoveNext() => ++_index < _string.Length;

        public char Current => _string[_index];

        object IEnumerator.Current => Current;

        public void Reset() => _index = -1;

        public void Dispose() { }
    }
}
