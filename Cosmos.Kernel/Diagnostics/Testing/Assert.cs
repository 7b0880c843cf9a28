namespace Cosmos.Kernel.Diagnostics.Testing
{
    // Assertions for in-kernel tests. The kernel cannot unwind exceptions yet, so an assertion that fails records the
    // failure (the first message is the one reported) and returns; the test goes on to its end, and the runner
    // reports it as failed. A test that must not continue after a failed check returns early on the result.
    public static class Assert
    {
        static string s_firstFailure;

        internal static void Reset() => s_firstFailure = null;

        internal static string FirstFailure => s_firstFailure;

        public static bool Fail(string message)
        {
            if (s_firstFailure == null) s_firstFailure = message;
            return false;
        }

        public static bool True(bool condition, string message) => condition || Fail(message);

        public static bool False(bool condition, string message) => !condition || Fail(message);

        public static bool Equal(long expected, long actual, string what)
            => expected == actual || Fail(what + ": expected " + expected.ToString() + ", got " + actual.ToString());

        public static bool Equal(ulong expected, ulong actual, string what)
            => expected == actual || Fail(what + ": expected 0x" + expected.ToString("X") + ", got 0x" + actual.ToString("X"));

        public static bool Equal(string expected, string actual, string what)
            => expected == actual || Fail(what + ": expected \"" + expected + "\", got \"" + actual + "\"");

        public static bool Same(object expected, object actual, string what)
            => (object)expected == actual || Fail(what + ": not the same object");

        public static bool Null(object value, string what) => value == null || Fail(what + ": expected null");

        public static bool NotNull(object value, string what) => value != null || Fail(what + ": expected an object, got null");
    }
}
