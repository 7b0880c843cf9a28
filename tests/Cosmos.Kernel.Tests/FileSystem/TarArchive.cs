using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Cosmos.Kernel.Tests.FileSystem
{
    // Real ustar archives, written by GNU tar from a tree made in a temporary directory.
    public static class TarArchive
    {
        // An archive holding exactly the given members, in order: a path ending in '/' is a directory, any other a
        // file with the given text. Member names are stored as given (relative to the tree's root).
        public static byte[] Of(params (string Path, string Text)[] members)
        {
            using var tree = new TemporaryDirectory();
            var names = new List<string>();
            foreach (var (path, text) in members)
            {
                string place = tree.Combine(path);
                if (path.EndsWith("/")) Directory.CreateDirectory(place);
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(place));
                    File.WriteAllText(place, text, new UTF8Encoding(false));
                }
                names.Add(path);
            }
            return Pack(tree, names);
        }

        // tar --format=ustar of the named entries of a tree (no recursion into directories), as bytes.
        public static byte[] Pack(TemporaryDirectory tree, IEnumerable<string> names, params string[] options)
        {
            string archive = tree.Combine("archive.tar");
            var arguments = new List<string> { "--format=ustar", "--no-recursion", "-cf", archive, "-C", tree.Path };
            arguments.AddRange(options);
            arguments.AddRange(names);
            HostTool.Run("tar", arguments.ToArray());
            return File.ReadAllBytes(archive);
        }
    }
}
