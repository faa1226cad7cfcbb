using System.Diagnostics;
using System.Globalization;

namespace Kiln.Bench;

/// <summary>Best-of-n timing and the "name seconds" lines the bench scripts read.</summary>
public static class Timing
{
    public static double Best(int runs, Action action)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    public static void Report(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.####}"));
}
