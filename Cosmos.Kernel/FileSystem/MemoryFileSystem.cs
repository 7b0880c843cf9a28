using System;
using System.Collections.Generic;

namespace Cosmos.Kernel.FileSystem
{
    // The file system processes see: a tree of directories and growable files in kernel memory, filled at boot from
    // the initrd (a ustar archive) and lost at power-off. Paths are absolute; "//" and a trailing "/" are tolerated,
    // "." and ".." are resolved lexically ("/.." is "/"). Nothing here is locked: callers serialize every call and
    // every use of the OpenFiles it returns (docs/filesystem.md).
    public sealed class MemoryFileSystem
    {
        // NAME_MAX and PATH_MAX as Linux has them (PATH_MAX counts the terminating NUL).
        public const int MaximumNameLength = 255, MaximumPathLength = 4095;

        readonly DirectoryNode _root = new DirectoryNode(null);

        // Copies every member of a ustar archive into the tree: regular files ('0' or NUL) and directories ('5'),
        // creating missing parent directories; a leading "./" or "/" is ignored and a later member replaces an
        // earlier file of the same path. Returns null, or what is wrong and at which offset: a bad header or
        // truncated archive, a member of another type (links, devices, pax headers: our build writes none), or a
        // path that cannot be made. Members before the bad one stay added.
        public string AddArchive(ReadOnlySpan<byte> ustar)
        {
            var reader = new UstarReader(ustar);
            var components = new List<string>();
            string error;
            while (reader.Next(out UstarEntry entry, out error))
            {
                string at = "entry \"" + entry.Path + "\" at offset " + entry.Offset.ToString();
                if (entry.Type != UstarEntry.RegularFileType && entry.Type != UstarEntry.OldRegularFileType && entry.Type != UstarEntry.DirectoryType)
                    return at + ": unsupported type '" + entry.Type.ToString() + "' (only regular files and directories)";
                if (SplitPath("/" + entry.Path, components) != Errno.None)
                    return at + ": the name is too long";
                if (entry.Type == UstarEntry.DirectoryType)
                {
                    if (MakeDirectories(components, components.Count) == null) return at + ": a file stands where a directory is needed";
                    continue;
                }
                DirectoryNode parent = MakeDirectories(components, components.Count - 1);
                if (parent == null) return at + ": a file stands where a directory is needed";
                string name = components.Count == 0 ? "." : components[components.Count - 1];
                if (parent.Find(name) is DirectoryNode) return at + ": a directory of that name exists";
                parent.Put(name, new RegularFile(entry.Contents));
            }
            return error;
        }

        // Opens the file or directory at path. Errors: ENOENT (no such entry, or O_CREAT in a missing directory),
        // ENOTDIR (a file used as a directory), EISDIR (a directory opened for writing, creating or truncating),
        // EINVAL (a relative path or access mode 3), ENAMETOOLONG. O_CREAT makes a regular file in an existing
        // directory; O_TRUNC empties a regular file opened for writing (and is ignored for O_RDONLY).
        public Errno Open(string path, OpenFlags flags, out OpenFile file)
        {
            file = null;
            OpenFlags access = flags & OpenFlags.AccessMask;
            if (access == OpenFlags.AccessMask) return Errno.EINVAL;
            Errno error = Lookup(path, out DirectoryNode parent, out string name, out FileSystemNode node);
            if (error != Errno.None) return error;
            if (node == null)
            {
                if ((flags & OpenFlags.Create) == 0) return Errno.ENOENT;
                if (path[path.Length - 1] == '/') return Errno.EISDIR;   // only a directory can be named "x/"
                node = new RegularFile(ReadOnlySpan<byte>.Empty);
                parent.Put(name, node);
            }
            else if (node is DirectoryNode)
            {
                if (access != OpenFlags.ReadOnly || (flags & (OpenFlags.Create | OpenFlags.Truncate)) != 0) return Errno.EISDIR;
            }
            else if ((flags & OpenFlags.Truncate) != 0 && access != OpenFlags.ReadOnly)
            {
                ((RegularFile)node).Truncate();
            }
            file = new OpenFile(node, flags, path);
            return Errno.None;
        }

        public Errno Stat(string path, out FileStatus status)
        {
            status = default;
            Errno error = Find(path, out FileSystemNode node);
            if (error == Errno.None) status = node.Status;
            return error;
        }

        // Replaces the contents of names with the names in the directory at path, sorted ordinal ("." and ".." are
        // not listed). ENOTDIR for a regular file.
        public Errno ListDirectory(string path, List<string> names)
        {
            Errno error = Find(path, out FileSystemNode node);
            if (error != Errno.None) return error;
            if (node is not DirectoryNode directory) return Errno.ENOTDIR;
            directory.ListNames(names);
            return Errno.None;
        }

        // The bytes of the regular file at path, not copied (the ELF loader parses a program where it lies): valid until
        // the file is next written. EISDIR for a directory.
        public Errno Contents(string path, out ReadOnlySpan<byte> contents)
        {
            contents = default;
            Errno error = Find(path, out FileSystemNode node);
            if (error != Errno.None) return error;
            if (node is not RegularFile file) return Errno.EISDIR;
            contents = file.Contents;
            return Errno.None;
        }

        // The existing entry at path.
        Errno Find(string path, out FileSystemNode node)
        {
            Errno error = Lookup(path, out _, out _, out node);
            if (error == Errno.None && node == null) error = Errno.ENOENT;
            return error;
        }

        // Walks path: parent is the directory holding its last component, called name, and node is that entry, or
        // null when the parent exists but the entry does not. "/" is the root's "." entry.
        Errno Lookup(string path, out DirectoryNode parent, out string name, out FileSystemNode node)
        {
            parent = _root;
            name = ".";
            node = null;
            if (path == null || path.Length == 0) return Errno.ENOENT;   // as Linux answers for ""
            if (path[0] != '/') return Errno.EINVAL;                       // there is no working directory
            var components = new List<string>();
            Errno error = SplitPath(path, components);
            if (error != Errno.None) return error;
            for (int i = 0; i < components.Count - 1; i++)
            {
                FileSystemNode next = parent.Find(components[i]);
                if (next == null) return Errno.ENOENT;
                if (next is not DirectoryNode directory) return Errno.ENOTDIR;
                parent = directory;
            }
            if (components.Count > 0) name = components[components.Count - 1];
            node = parent.Find(name);
            if (node is RegularFile && path[path.Length - 1] == '/') return Errno.ENOTDIR;
            return Errno.None;
        }

        // The non-empty components of an absolute path, after checking the path's and each name's length.
        static Errno SplitPath(string path, List<string> components)
        {
            components.Clear();
            if (path.Length > MaximumPathLength) return Errno.ENAMETOOLONG;
            for (int start = 0; start < path.Length;)
            {
                int end = path.IndexOf('/', start);
                if (end < 0) end = path.Length;
                if (end - start > MaximumNameLength) return Errno.ENAMETOOLONG;
                if (end > start) components.Add(path.Substring(start, end - start));
                start = end + 1;
            }
            return Errno.None;
        }

        // The directory named by the first `count` components, made (with its missing parents) where absent; null
        // when one of them is a regular file.
        DirectoryNode MakeDirectories(List<string> components, int count)
        {
            DirectoryNode directory = _root;
            for (int i = 0; i < count; i++)
            {
                FileSystemNode next = directory.Find(components[i]);
                if (next == null)
                {
                    next = new DirectoryNode(directory);
                    directory.Put(components[i], next);
                }
                if (next is not DirectoryNode child) return null;
                directory = child;
            }
            return directory;
        }
    }
}
