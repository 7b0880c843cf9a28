using System.Diagnostics;
using System.Globalization;

namespace Cosmos.Cli;

// Progress lines on stderr for the steps that take a while, so that stdout carries only results and the console.
public static class Progress
{
    public static T Step<T>(string description, Func<T> step)
    {
        Console.Error.Write($"cosmos: {description}... ");
        long start = Stopwatch.GetTimestamp();
        try
        {
            T result = step();
            Console.Error.WriteLine(Seconds(Stopwatch.GetElapsedTime(start)));
            return result;
        }
        catch
        {
            Console.Error.WriteLine("failed");
            throw;
        }
    }

    public static void Note(string message) => Console.Error.WriteLine("cosmos: " + message);

    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
