using System.Numerics;
using Kiln.Data;
using Kiln.Learn.Imbalance;

namespace Kiln.Learn.Cluster;

/// <summary>The shared work of the k-means family on row-major centres: seeding, nearest-centre search and inertia.</summary>
internal static class Centres
{
    const int RowsPerBlock = 256;

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var j = 0;
        for (; j + width <= a.Length; j += width)
        {
            var d = new Vector<double>(a.Slice(j, width)) - new Vector<double>(b.Slice(j, width));
            sum += d * d;
        }
        var total = Vector.Sum(sum);
        for (; j < a.Length; j++)
        {
            var d = a[j] - b[j];
            total += d * d;
        }
        return total;
    }

    /// <summary>The nearest of <paramref name="count"/> centres to <paramref name="row"/> (the lowest index on a tie) and its squared distance.</summary>
    public static (int Index, double SquaredDistance) Nearest(ReadOnlySpan<double> row, ReadOnlySpan<double> centres, int count)
    {
        var width = row.Length;
        var (best, bestDistance) = (0, double.PositiveInfinity);
        for (var c = 0; c < count; c++)
        {
            var distance = SquaredDistance(row, centres.Slice(c * width, width));
            if (distance < bestDistance) (best, bestDistance) = (c, distance);
        }
        return (best, bestDistance);
    }

    /// <summary>Labels every row with its nearest centre, in parallel blocks; returns the squared distances too.</summary>
    public static void Assign(FeatureMatrix x, double[] centres, int count, long[] labels, double[] distances)
    {
        var values = x.Memory;
        var width = x.FeatureCount;
        var blocks = (x.RowCount + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, block =>
        {
            var end = Math.Min(x.RowCount, (block + 1) * RowsPerBlock);
            for (var i = block * RowsPerBlock; i < end; i++)
            {
                var (index, distance) = Nearest(values.Span.Slice(i * width, width), centres, count);
                labels[i] = index;
                distances[i] = distance;
            }
        });
    }

    /// <summary>The weighted sum of squared distances of rows to their centres.</summary>
    public static double Inertia(double[] distances, double[]? weights)
    {
        double inertia = 0;
        for (var i = 0; i < distances.Length; i++) inertia += (weights?[i] ?? 1) * distances[i];
        return inertia;
    }

    /// <summary>
    /// k-means++ seeding as scikit-learn does it: the first centre drawn by weight, each next one the best (lowest
    /// potential) of 2 + ⌊ln k⌋ candidates drawn in proportion to weight × squared distance to the nearest centre so far.
    /// </summary>
    public static double[] PlusPlus(FeatureMatrix x, int count, double[]? weights, RandomArrays random)
    {
        var (rows, width) = (x.RowCount, x.FeatureCount);
        var centres = new double[count * width];
        var trials = 2 + (int)Math.Log(count);
        var cumulative = new double[rows];
        Cumulate(cumulative, i => weights?[i] ?? 1);
        var first = SearchSorted(cumulative, Draws.Uniform(random, 1)[0] * cumulative[^1]);
        x.Row(first).CopyTo(centres);
        var closest = new double[rows];
        for (var i = 0; i < rows; i++) closest[i] = SquaredDistance(x.Row(i), x.Row(first));
        var potential = Inertia(closest, weights);
        var candidateDistances = new double[trials][];
        for (var t = 0; t < trials; t++) candidateDistances[t] = new double[rows];
        var candidates = new int[trials];
        var potentials = new double[trials];
        var values = x.Memory;
        for (var c = 1; c < count; c++)
        {
            var draws = Draws.Uniform(random, trials);
            Cumulate(cumulative, i => (weights?[i] ?? 1) * closest[i]);
            for (var t = 0; t < trials; t++)
                candidates[t] = Math.Min(SearchSorted(cumulative, draws[t] * potential), rows - 1);
            Parallel.For(0, trials, t =>
            {
                var candidate = values.Span.Slice(candidates[t] * width, width);
                var distances = candidateDistances[t];
                for (var i = 0; i < rows; i++)
                    distances[i] = Math.Min(closest[i], SquaredDistance(values.Span.Slice(i * width, width), candidate));
                potentials[t] = Inertia(distances, weights);
            });
            var best = 0;
            for (var t = 1; t < trials; t++)
                if (potentials[t] < potentials[best]) best = t;
            potential = potentials[best];
            Array.Copy(candidateDistances[best], closest, rows);
            x.Row(candidates[best]).CopyTo(centres.AsSpan(c * width, width));
        }
        return centres;
    }

    /// <summary>Random seeding: <paramref name="count"/> distinct rows in random order (rows of zero weight are passed over).</summary>
    public static double[] RandomRows(FeatureMatrix x, int count, double[]? weights, RandomArrays random)
    {
        var width = x.FeatureCount;
        var order = new int[x.RowCount];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        random.Shuffle<int>(order);
        var centres = new double[count * width];
        var taken = 0;
        for (var position = 0; position < order.Length && taken < count; position++)
        {
            if (weights is not null && weights[order[position]] == 0) continue;
            x.Row(order[position]).CopyTo(centres.AsSpan(taken++ * width, width));
        }
        if (taken < count)
            throw new ArgumentException($"k-means: n-clusters is {count} but only {taken} rows have a positive sample weight", "NClusters");
        return centres;
    }

    static void Cumulate(double[] cumulative, Func<int, double> value)
    {
        double total = 0;
        for (var i = 0; i < cumulative.Length; i++) cumulative[i] = total += value(i);
    }

    /// <summary>The first index whose cumulative value reaches <paramref name="value"/> (NumPy's searchsorted, side left).</summary>
    static int SearchSorted(double[] cumulative, double value)
    {
        var index = Array.BinarySearch(cumulative, value);
        if (index < 0) return ~index;
        while (index > 0 && cumulative[index - 1] == value) index--;
        return index;
    }
}
