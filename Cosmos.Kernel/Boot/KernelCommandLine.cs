using System;

namespace Cosmos.Kernel.Boot
{
    // The kernel command line GRUB passes: words separated by spaces, each a flag ("test") or a setting
    // ("fault=pagefault"). Hardware-free: the host tests use it too.
    public sealed class KernelCommandLine
    {
        readonly string[] _words;

        public KernelCommandLine(string text)
        {
            _words = Split(text ?? "");
        }

        public bool HasFlag(string name)
        {
            foreach (string word in _words)
                if (word == name) return true;
            return false;
        }

        // The value of the last "name=value" word, or null when there is none.
        public string GetValue(string name)
        {
            string value = null;
            foreach (string word in _words)
                if (word.Length > name.Length && word[name.Length] == '=' && word.StartsWith(name))
                    value = word.Substring(name.Length + 1);
            return value;
        }

        static string[] Split(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
                if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) count++;
            var words = new string[count];
            int next = 0, start = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                bool space = i == text.Length || text[i] == ' ';
                if (!space && start < 0) start = i;
                else if (space && start >= 0)
                {
                    words[next++] = text.Substring(start, i - start);
                    start = -1;
                }
            }
            return words;
        }
    }
}
