using System;
using Cosmos.Userland.Runtime;

// Prints a file to stdout, or "<program>: <path>: <reason>" when it cannot: cat's work, shared by /bin/cat and the
// shell's builtin.
static class FilePrinter
{
    public static bool Print(string program, string path)
    {
        long result = FileSystem.ReadAll(path, out byte[] contents);
        if (result < 0)
        {
            Console.WriteLine(program + ": " + path + ": " + Reason(result));
            return false;
        }
        Console.Write(Utf8.Decode(contents));
        return true;
    }

    static string Reason(long result) => -result switch
    {
        Errno.ENOENT => "no such file",
        Errno.EISDIR => "is a directory",
        _ => "error " + (-result).ToString(),
    };
}
