using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cosmos.Patcher
{
    // Finds the source line a diagnostic about a plug member points at: a method's first sequence point, from the PDB;
    // else the line of its plug attribute (fields, classes and extern accessors have no sequence points); else the
    // assembly file.
    static class SourceLocator
    {
        public static SourceLocation Of(IMemberDefinition member)
        {
            if (member is MethodDefinition method && FirstSequencePoint(method) is { } point)
                return new SourceLocation(point.Document.Url, point.StartLine, point.StartColumn);
            return PlugAttributes.CallerLocation(member)
                ?? new SourceLocation(((MemberReference)member).Module.FileName);
        }

        static SequencePoint? FirstSequencePoint(MethodDefinition method)
            => method.Module.HasSymbols && MethodBodies.HasImageBody(method)
                ? method.DebugInformation.SequencePoints.FirstOrDefault(point => !point.IsHidden)
                : null;
    }
}
