using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Cosmos.Patcher
{
    // The bodies the patcher writes, a few instructions each: a patched target keeps its signature and only forwards to
    // the plug, so the plug's IL and its source lines stay where the plug's author wrote them.
    static class MethodBodies
    {
        const MethodImplAttributes NotIL = MethodImplAttributes.CodeTypeMask | MethodImplAttributes.Unmanaged
            | MethodImplAttributes.InternalCall | MethodImplAttributes.PreserveSig | MethodImplAttributes.ForwardRef;

        const string RuntimeImport = "System.Runtime.RuntimeImportAttribute";

        // Whether the method has IL in the assembly it was read from (not extern, not abstract).
        public static bool HasImageBody(MethodDefinition method) => method.HasBody && method.RVA != 0;

        // `method` loads every argument, calls `callee` with them and returns its result.
        public static void Forward(MethodDefinition method, MethodDefinition callee)
        {
            MethodBody body = Replace(method);
            ILProcessor il = body.GetILProcessor();
            if (method.HasThis) il.Emit(OpCodes.Ldarg, body.ThisParameter);
            foreach (ParameterDefinition parameter in method.Parameters) il.Emit(OpCodes.Ldarg, parameter);
            il.Emit(OpCodes.Call, method.Module.ImportReference(callee));
            il.Emit(OpCodes.Ret);
            body.OptimizeMacros();
        }

        // `method` returns a reference to a static field, or to a field of the instance it takes as its only argument.
        public static void ReturnFieldAddress(MethodDefinition method, FieldReference field, bool isStatic)
        {
            ILProcessor il = Replace(method).GetILProcessor();
            if (isStatic)
                il.Emit(OpCodes.Ldsflda, field);
            else
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldflda, field);
            }
            il.Emit(OpCodes.Ret);
        }

        // A new, empty IL body. An extern method (InternalCall, [RuntimeImport], P/Invoke) becomes an ordinary one, and
        // the old body's debug information goes with it: the new body has no source lines of its own.
        static MethodBody Replace(MethodDefinition method)
        {
            method.ImplAttributes &= ~NotIL;
            if (method.HasPInvokeInfo) method.PInvokeInfo = null;   // (Cecil's setter marks the method P/Invoke again)
            method.IsPInvokeImpl = false;
            CustomAttribute? import = method.CustomAttributes
                .FirstOrDefault(attribute => attribute.AttributeType.FullName == RuntimeImport);
            if (import != null) method.CustomAttributes.Remove(import);
            if (method.Module.HasSymbols)
            {
                MethodDebugInformation debug = method.DebugInformation;
                debug.SequencePoints.Clear();
                debug.Scope = null;
                debug.StateMachineKickOffMethod = null;
                debug.CustomDebugInformations.Clear();
            }
            method.Body = new MethodBody(method);
            return method.Body;
        }
    }
}
