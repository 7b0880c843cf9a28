using System.Collections.Generic;

namespace Cosmos.Kernel.FileSystem
{
    // A directory: its entries by name, and its parent for "..". The root is its own parent, as on Linux.
    sealed class DirectoryNode : FileSystemNode
    {
        readonly Dictionary<string, FileSystemNode> _entries = new Dictionary<string, FileSystemNode>();

        public DirectoryNode(DirectoryNode parent)
        {
            Parent = parent ?? this;
        }

        public DirectoryNode Parent { get; }

        public override FileStatus Status => new FileStatus(FileType.Directory, 0);

        // The entry called name, with "." and ".." meaning this directory and its parent; null when there is none.
        public FileSystemNode Find(string name)
        {
            if (name == ".") return this;
            if (name == "..") return Parent;
            return _entries.TryGetValue(name, out FileSystemNode node) ? node : null;
        }

        // Adds or replaces the entry called name (never "." or "..").
        public void Put(string name, FileSystemNode node) => _entries[name] = node;

        // Replaces the contents of names with the entries' names, sorted ordinal.
        public void ListNames(List<string> names)
        {
            names.Clear();
            foreach (string name in _entries.Keys) names.Add(name);
            names.Sort(string.CompareOrdinal);
        }
    }
}
