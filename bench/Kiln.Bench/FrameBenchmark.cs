using Kiln.Data;
using static Kiln.Bench.Timing;

namespace Kiln.Bench;

/// <summary>Frame operations on the generated 1M-row CSV, set beside pandas by bench/frame-vs-pandas.sh.</summary>
public static class FrameBenchmark
{
    public static void Run(string path, int runs)
    {
        Frame frame = null!;
        Report("read_csv", Best(runs, () => frame = Frame.ReadCsv(path)));
        Report("memory_bytes", frame.MemoryBytes);
        var f0 = frame.Column<Float64Column>("f0");
        Report("filter", Best(runs, () => frame.Filter(f0.GreaterThan(0))));
        Report("describe", Best(runs, () => frame.Describe()));
        string[] floats = ["f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7"];
        Report("groupby_mean", Best(runs, () => frame.GroupBy("city").Mean(floats)));
    }
}
