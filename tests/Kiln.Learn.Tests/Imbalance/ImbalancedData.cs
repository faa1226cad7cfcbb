using Kiln.Data;

namespace Kiln.Learn.Tests.Imbalance;

/// <summary>Small seeded data sets with unequal classes, and the geometry checks the sampler tests share.</summary>
internal static class ImbalancedData
{
    /// <summary>Two numeric features; class "major" holds <paramref name="major"/> rows around (0, 0), "minor" and "middle" fewer around other centres.</summary>
    public static (Frame Features, StringColumn Target) Blobs(int major = 30, int middle = 15, int minor = 8, long seed = 1)
    {
        var random = new RandomArrays(seed);
        var n = major + middle + minor;
        var noise = new double[2 * n];
        random.Normal(2 * n).FlattenTo(noise);
        var x = new double[n];
        var y = new double[n];
        var labels = new string[n];
        for (var i = 0; i < n; i++)
        {
            var (label, cx, cy) = i < major ? ("major", 0.0, 0.0) : i < major + middle ? ("middle", 4.0, 0.0) : ("minor", 2.0, 3.0);
            x[i] = cx + noise[2 * i];
            y[i] = cy + noise[2 * i + 1];
            labels[i] = label;
        }
        return (new Frame(new Float64Column("x", x), new Float64Column("y", y)), new StringColumn("label", labels));
    }

    public static double[] Row(Frame frame, int row) =>
        [.. frame.Columns.Select(c => c.AsFloat64()[row])];

    /// <summary>Whether <paramref name="point"/> lies on the segment from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool OnSegment(double[] point, double[] from, double[] to)
    {
        double along = 0, length = 0;
        for (var j = 0; j < point.Length; j++)
        {
            along += (point[j] - from[j]) * (to[j] - from[j]);
            length += (to[j] - from[j]) * (to[j] - from[j]);
        }
        var t = length == 0 ? 0 : along / length;
        if (t < -1e-12 || t > 1 + 1e-12) return false;
        double miss = 0;
        for (var j = 0; j < point.Length; j++)
        {
            var d = point[j] - (from[j] + t * (to[j] - from[j]));
            miss += d * d;
        }
        return miss < 1e-18;
    }

    /// <summary>The k rows of <paramref name="candidates"/> nearest to row <paramref name="row"/>, itself left out, by brute force.</summary>
    public static int[] Nearest(Frame frame, int row, IEnumerable<int> candidates, int k)
    {
        var point = Row(frame, row);
        return [.. candidates.Where(c => c != row)
            .OrderBy(c => Row(frame, c).Zip(point, (a, b) => (a - b) * (a - b)).Sum())
            .Take(k)];
    }
}
