using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Cuts each numeric column into bins of equal width or equal population and replaces values by their bin,
/// as scikit-learn's KBinsDiscretizer does (without subsampling). Quantile bins narrower than 1e-8 are merged,
/// so a column may get fewer bins than asked for; a constant column gets one.
/// </summary>
[Estimator("kbins-discretizer", EstimatorRole.Transformer, "Bin numeric columns into equal-width or equal-population intervals")]
public sealed record KBinsDiscretizer : Estimator<KBinsDiscretizerModel>
{
    internal const string Name = "kbins-discretizer";

    [Parameter("How many bins per column", Min = 2)]
    public int NBins { get; init; } = 5;

    [Parameter("Equal-width (uniform) or equal-population (quantile) bins")]
    public BinStrategy Strategy { get; init; } = BinStrategy.Quantile;

    [Parameter("Write one 0/1 column per bin (one-hot) or the bin index (ordinal)")]
    public BinEncoding Encode { get; init; } = BinEncoding.OneHot;

    protected override KBinsDiscretizerModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, Name);
        var edges = new double[columns.Length][];
        Parallel.For(0, columns.Length, j => edges[j] = Edges(columns[j].Values));
        return new KBinsDiscretizerModel(this, InputSchema.Of(features), edges);
    }

    double[] Edges(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min == max) return [double.NegativeInfinity, double.PositiveInfinity];
        if (Strategy == BinStrategy.Uniform) return EvenlySpaced(min, max, NBins);
        var edges = new double[NBins + 1];
        // as NumPy's percentile: evenly spaced percents, each divided by 100
        Quantiles.Linear(values.ToArray(), Array.ConvertAll(EvenlySpaced(0, 100, NBins), percent => percent / 100), edges);
        // as scikit-learn: drop edges that would leave a bin narrower than 1e-8
        var kept = new List<double>(edges.Length) { edges[0] };
        for (var k = 1; k < edges.Length; k++)
            if (edges[k] - edges[k - 1] > 1e-8) kept.Add(edges[k]);
        return [.. kept];
    }

    /// <summary>numpy's linspace: start + k · step, with the last point exactly <paramref name="stop"/>.</summary>
    static double[] EvenlySpaced(double start, double stop, int intervals)
    {
        var points = new double[intervals + 1];
        var step = (stop - start) / intervals;
        for (var k = 0; k < intervals; k++) points[k] = k * step + start;
        points[intervals] = stop;
        return points;
    }
}

/// <summary>A fitted <see cref="KBinsDiscretizer"/>: the bin edges of each column.</summary>
public sealed class KBinsDiscretizerModel : TransformerModel
{
    readonly double[][] _edges;
    readonly string[][] _binNames;

    internal KBinsDiscretizerModel(KBinsDiscretizer estimator, InputSchema schema, double[][] edges) : base(estimator, schema)
    {
        _edges = edges;
        _binNames = new string[edges.Length][];
        for (var j = 0; j < edges.Length; j++)
        {
            var column = Schema.Columns[j].Name;
            _binNames[j] = [.. Enumerable.Range(0, edges[j].Length - 1).Select(b => $"{column}={b.ToString(CultureInfo.InvariantCulture)}")];
        }
        OutputNames = estimator.Encode == BinEncoding.OneHot ? [.. _binNames.SelectMany(n => n)] : [.. Schema.Names];
    }

    public override IReadOnlyList<string> OutputNames { get; }

    /// <summary>The edges of each column's bins, from the fitted minimum to the maximum (±∞ for a constant column).</summary>
    public IReadOnlyList<IReadOnlyList<double>> BinEdges => _edges;

    protected override Frame TransformCore(Frame features)
    {
        var columns = NumericInput.Columns(features, KBinsDiscretizer.Name);
        var bins = new int[columns.Length][];
        Parallel.For(0, columns.Length, j => bins[j] = Bins(columns[j].Values, _edges[j]));
        if (((KBinsDiscretizer)Estimator).Encode == BinEncoding.OneHot)
            return new Frame(IndicatorColumns.Expand(bins, _binNames));
        var output = new Column[columns.Length];
        for (var j = 0; j < output.Length; j++)
            output[j] = new Float64Column(columns[j].Name, [.. bins[j].Select(b => (double)b)]);
        return new Frame(output);
    }

    /// <summary>The bin of each value: how many inner edges are at or below it (numpy's searchsorted, side right).</summary>
    static int[] Bins(ReadOnlySpan<double> values, double[] edges)
    {
        var inner = edges.AsSpan(1, edges.Length - 2);
        var bins = new int[values.Length];
        for (var i = 0; i < bins.Length; i++)
        {
            int low = 0, high = inner.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (inner[middle] <= values[i]) low = middle + 1;
                else high = middle;
            }
            bins[i] = low;
        }
        return bins;
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("edge-counts", [.. _edges.Select(e => e.Length)]);
        writer.Write("edges", [.. _edges.SelectMany(e => e)]);
    }

    public static KBinsDiscretizerModel Load(ModelReader reader)
    {
        var counts = reader.ReadInt32s("edge-counts");
        var flat = reader.ReadDoubles("edges");
        if (counts.Length != reader.Schema.Columns.Count || counts.Any(c => c < 2) || counts.Sum() != flat.Length)
            throw new InvalidDataException($"model package: {KBinsDiscretizer.Name} bin edges do not match its {reader.Schema.Columns.Count} columns");
        var edges = new double[counts.Length][];
        for (int j = 0, offset = 0; j < counts.Length; offset += counts[j++]) edges[j] = flat[offset..(offset + counts[j])];
        return new KBinsDiscretizerModel((KBinsDiscretizer)reader.Estimator, reader.Schema, edges);
    }
}
