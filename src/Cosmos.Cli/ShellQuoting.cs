using System.Text.RegularExpressions;

namespace Cosmos.Cli;

// A command line a POSIX shell reads back as exactly the given words, for commands printed for the user to run.
public static partial class ShellQuoting
{
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    public static string Quote(string word) =>
        PlainWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''") + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_./:=,+@%-]+$")]
    private static partial Regex PlainWord();
}
