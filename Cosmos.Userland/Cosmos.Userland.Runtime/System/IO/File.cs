using Cosmos.Userland.Runtime;

namespace System.IO
{
    // The BCL's File, the reading subset, over FileSystem. A failure throws IOException (FileNotFoundException for a
    // missing file) naming the path and the errno; an exception is fatal in CosmosOS, so a program that must carry on
    // uses FileSystem, which returns -errno.
    public static class File
    {
        public static bool Exists(string path) => path != null && FileSystem.Exists(path, out bool isDirectory) && !isDirectory;

        public static byte[] ReadAllBytes(string path)
        {
            long result = FileSystem.ReadAll(path, out byte[] contents);
            if (result == -Errno.ENOENT) throw new FileNotFoundException("Could not find file '" + path + "'.");
            if (result < 0) throw new IOException("Reading '" + path + "' failed with errno " + (-result).ToString() + ".");
            return contents;
        }

        public static string ReadAllText(string path) => Utf8.Decode(ReadAllBytes(path));
    }
}
