namespace System.Runtime.CompilerServices
{
    // ILC emits a check before the first access to a type whose static constructor it could not run at compile time.
    // With this class present, such constructors run lazily on first use (instead of eagerly at start-up).
    public unsafe struct StaticClassConstructionContext
    {
        public nint cctorMethodAddress;   // zero once the constructor has started
    }

    internal static unsafe class ClassConstructorRunner
    {
        static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return nonGcStaticBase;
        }

        static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return gcStaticBase;
        }

        // Marked before running so that a constructor touching its own type does not recurse. Single-threaded
        // today; the SMP work makes this a compare-exchange with waiting.
        public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint cctor = context->cctorMethodAddress;
            if (cctor == 0) return;
            context->cctorMethodAddress = 0;
            ((delegate*<void>)cctor)();
        }
    }
}
