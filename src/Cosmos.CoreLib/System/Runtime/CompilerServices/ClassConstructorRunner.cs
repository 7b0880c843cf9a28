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

        // One lock for every class constructor, recursive: the thread that runs one may run others from it (or come
        // back to its own type, which then counts as constructed), and any other thread waits until it is done. The
        // context's address is swapped to 0 before the constructor runs. Threads are told apart by the token the
        // kernel or the user runtime gives (cosmos_current_thread_token); waiting is a spin with interrupts as they
        // are, since class constructors are short.
        static nint s_owner;       // token of the thread running constructors, 0 when none
        static int s_depth;

        public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            if (Threading.Volatile.Read(ref context->cctorMethodAddress) == 0) return;
            nint self = CurrentThreadToken();
            if (Threading.Volatile.Read(ref s_owner) != self)
            {
                while (Threading.Interlocked.CompareExchange(ref s_owner, self, 0) != 0) { }
            }
            s_depth++;
            nint cctor = context->cctorMethodAddress;
            context->cctorMethodAddress = 0;
            if (cctor != 0) ((delegate*<void>)cctor)();
            if (--s_depth == 0) Threading.Volatile.Write(ref s_owner, 0);
        }

        [RuntimeImport("cosmos_current_thread_token")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        static extern nint CurrentThreadToken();
    }
}
