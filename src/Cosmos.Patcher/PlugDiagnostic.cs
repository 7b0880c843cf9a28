namespace Cosmos.Patcher
{
    // One error found while applying plugs, printed in MSBuild's canonical format:
    // `file(line,col): error COSMOS1xx: message`.
    public sealed record PlugDiagnostic(string Code, SourceLocation Location, string Message)
    {
        public override string ToString() => $"{Location}: error {Code}: {Message}";
    }
}
