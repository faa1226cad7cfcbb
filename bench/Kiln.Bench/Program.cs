using System.Diagnostics;
using System.Globalization;
using Kiln.Data;

// Times Kiln's Frame on the benchmark CSV and prints one "name seconds" line per operation
// (the best of several runs), for bench/frame-vs-pandas.sh to set beside pandas.
var path = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Kiln.Bench FILE.csv [runs]");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

Frame frame = null!;
Report("read_csv", Best(runs, () => frame = Frame.ReadCsv(path)));
Console.WriteLine($"memory_bytes {frame.MemoryBytes}");

var f0 = frame.Column<Float64Column>("f0");
Report("filter", Best(runs, () => frame.Filter(f0.GreaterThan(0))));

Report("describe", Best(runs, () => frame.Describe()));
string[] floats = ["f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7"];
Report("groupby_mean", Best(runs, () => frame.GroupBy("city").Mean(floats)));

static double Best(int runs, Action action)
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

static void Report(string name, double seconds) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {seconds:F4}"));
