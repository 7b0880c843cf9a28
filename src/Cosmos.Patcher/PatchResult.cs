using System.Collections.Generic;

namespace Cosmos.Patcher
{
    // The outcome of one patcher run: the errors (nothing was written if there are any), or what was replaced.
    public sealed record PatchResult(IReadOnlyList<PlugDiagnostic> Errors, int ReplacedMethods = 0,
                                     int ReplacedTypes = 0)
    {
        public bool Succeeded => Errors.Count == 0;

        public string Summary => $"CosmosOS plugs: {ReplacedMethods} methods of {ReplacedTypes} types replaced";
    }
}
