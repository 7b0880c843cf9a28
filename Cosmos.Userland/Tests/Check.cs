using System;

// The verdict of a self-checking test program: each failed check prints a line saying what failed, and Result is the
// exit status init reports (0: every check passed).
static class Check
{
    static int s_failures;

    public static int Result => s_failures == 0 ? 0 : 1;

    public static void True(bool condition, string what)
    {
        if (condition) return;
        s_failures++;
        Console.WriteLine("FAILED: " + what);
    }

    public static void Equal(long expected, long actual, string what)
        => True(expected == actual, what + ": expected " + expected.ToString() + ", got " + actual.ToString());

    public static void Equal(string expected, string actual, string what)
        => True(expected == actual, what + ": expected \"" + expected + "\", got \"" + (actual ?? "null") + "\"");
}
