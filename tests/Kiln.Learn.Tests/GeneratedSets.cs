using Kiln.Data;

namespace Kiln.Learn.Tests;

/// <summary>
/// The generated 40-feature data sets of the large fixture cases, computed exactly as bench/compare/generated_sets.py
/// computes them (see that file for the recipe), so that 200k-row sets need no committed file.
/// </summary>
public static class GeneratedSets
{
    const int Width = 40;
    const int Classes = 3;
    const int InformativeClassification = 20;
    const int InformativeRegression = 30;
    const ulong FeatureStream = 1, WeightStream = 2, NoiseStream = 3;

    /// <summary>"generated-classification-N", "generated-counts-N" or "generated-regression-N" as features x0…x39 and "target".</summary>
    public static Frame Load(string name)
    {
        var parts = name.Split('-');
        if (parts.Length != 3 || parts[0] != "generated" || !int.TryParse(parts[2], out var rows))
            throw new ArgumentException($"'{name}' is not generated-<kind>-<rows>", nameof(name));
        var x = Features(rows);
        Column target = parts[1] switch
        {
            "classification" or "counts" => new Int64Column("target", ClassesOf(x, rows)),
            "regression" => new Float64Column("target", RegressionTarget(x, rows)),
            _ => throw new ArgumentException($"'{name}': the kind is classification, counts or regression", nameof(name)),
        };
        if (parts[1] == "counts")
            for (var i = 0; i < x.Length; i++) x[i] = Math.Abs(x[i]);
        var columns = new Column[Width + 1];
        for (var j = 0; j < Width; j++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++) values[i] = x[i * Width + j];
            columns[j] = new Float64Column($"x{j}", values);
        }
        columns[Width] = target;
        return new Frame(columns);
    }

    static double[] Features(int rows)
    {
        var x = new double[rows * Width];
        Parallel.For(0, rows, i =>
        {
            for (var j = 0; j < Width; j++) x[i * Width + j] = Normal(FeatureStream, (ulong)(i * Width + j));
        });
        return x;
    }

    static long[] ClassesOf(double[] x, int rows)
    {
        var w = new double[Classes * Width];
        for (var n = 0; n < w.Length; n++) w[n] = Normal(WeightStream, (ulong)n);
        var labels = new long[rows];
        Parallel.For(0, rows, i =>
        {
            var best = double.NegativeInfinity;
            for (var k = 0; k < Classes; k++)
            {
                double logit = 0;
                for (var j = 0; j < InformativeClassification; j++) logit += x[i * Width + j] * w[k * Width + j];
                logit += Normal(NoiseStream, (ulong)(i * Classes + k));
                if (logit > best) (best, labels[i]) = (logit, k);
            }
        });
        return labels;
    }

    static double[] RegressionTarget(double[] x, int rows)
    {
        var w = new double[InformativeRegression];
        for (var j = 0; j < w.Length; j++) w[j] = 100.0 * Uniform(WeightStream, (ulong)j);
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            double sum = 0;
            for (var j = 0; j < w.Length; j++) sum += x[i * Width + j] * w[j];
            y[i] = sum + 10.0 * Normal(NoiseStream, (ulong)i);
        }
        return y;
    }

    static double Uniform(ulong stream, ulong n)
    {
        var z = stream * 0x9E3779B97F4A7C15UL + (n + 1) * 0xD1B54A32D192ED03UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    static double Normal(ulong stream, ulong n) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - Uniform(stream, 2 * n))) * Math.Cos(2.0 * Math.PI * Uniform(stream, 2 * n + 1));
}
