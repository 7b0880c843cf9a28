using System.Diagnostics;
using Cosmos.Cli;

namespace Cosmos.Cli.Tests;

// A printed command must reach the program as exactly the words it was made of: checked by letting a real sh read it.
public sealed class ShellQuotingTests
{
    [Test]
    public void PlainWordsStayPlain()
    {
        Assert.That(ShellQuoting.Join(["qemu-system-x86_64", "-serial", "file:/a/b.log", "isa-debug-exit,iobase=0xf4"]),
                    Is.EqualTo("qemu-system-x86_64 -serial file:/a/b.log isa-debug-exit,iobase=0xf4"));
    }

    [Test]
    public void TheShellReadsBackEveryWord()
    {
        string[] words =
        [
            "gdb", "set architecture i386:x86-64", "", "it's", "'", "\"quoted\"", "$HOME", "`id`", "a\\b", "*", "~",
            "semi;colon", "new\nline", "tab\there", "ünïcode", "!", "#comment", "a&b|c", "(x)", "{y}", "<z>",
        ];
        Assert.That(WordsAsTheShellReadsThem(ShellQuoting.Join(words)), Is.EqualTo(words));
    }

    static string[] WordsAsTheShellReadsThem(string commandLine)
    {
        // printf repeats its format for every word: each one ends with a NUL.
        var start = new ProcessStartInfo("sh", ["-c", "set -- " + commandLine + "; printf '%s\\0' \"$@\""])
        {
            RedirectStandardOutput = true,
        };
        using Process shell = Process.Start(start)!;
        string output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        Assert.That(shell.ExitCode, Is.EqualTo(0));
        return output.Split('\0')[..^1];
    }
}
