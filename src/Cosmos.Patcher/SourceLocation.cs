namespace Cosmos.Patcher
{
    // Where a diagnostic points: a source line (and column, when a sequence point gives one), or only a file such as
    // the assembly. Formats as the origin of MSBuild's canonical error format, so build output links to the line.
    public readonly record struct SourceLocation(string Path, int Line = 0, int Column = 0)
    {
        public override string ToString()
            => Line <= 0 ? Path : Column <= 0 ? $"{Path}({Line})" : $"{Path}({Line},{Column})";
    }
}
