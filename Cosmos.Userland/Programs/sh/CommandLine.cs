using System.Collections.Generic;

// A command line's words: runs of characters between spaces or tabs (no quoting).
static class CommandLine
{
    public static string[] Split(string line)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= line.Length; i++)
        {
            bool blank = i == line.Length || line[i] == ' ' || line[i] == '\t';
            if (blank && start >= 0)
            {
                words.Add(line.Substring(start, i - start));
                start = -1;
            }
            else if (!blank && start < 0) start = i;
        }
        return words.ToArray();
    }
}
