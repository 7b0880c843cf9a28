using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Cosmos.Patcher
{
    // Plug signatures are compared exactly, by full type name: element types, pointers, byrefs, arrays, generic
    // instances and custom modifiers all take part, so `int*` never matches `nint`, nor `ref int` matches `int`.
    static class Signatures
    {
        public static bool SameType(TypeReference a, TypeReference b) => a.FullName == b.FullName;

        // Whether `parameters` from index `first` on have exactly the types of `expected`.
        public static bool SameParameters(IList<ParameterDefinition> parameters, int first,
                                          IList<ParameterDefinition> expected)
            => parameters.Count - first == expected.Count
               && expected.Select((parameter, i) => (parameter.ParameterType, parameters[first + i].ParameterType))
                   .All(pair => SameType(pair.Item1, pair.Item2));
    }
}
