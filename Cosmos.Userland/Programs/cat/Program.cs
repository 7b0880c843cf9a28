using Cosmos.Userland.Runtime;

static class Program
{
    static int Main(string[] args)
    {
        int status = 0;
        foreach (string path in args)
            if (!FilePrinter.Print("cat", path)) status = 1;
        return status;
    }
}
