using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// SMOTE's interpolation and the resampled frame it builds: a new row is a seed row moved a random fraction of
/// the way towards one of its neighbours, so it lies on the segment between two rows of the same class.
/// </summary>
internal sealed class SyntheticRows(NumericRows rows)
{
    readonly List<double> _values = [];
    readonly List<int> _classRows = [];

    /// <summary>
    /// Adds <paramref name="count"/> rows: each picks a seed row and one of its <paramref name="k"/> neighbours
    /// uniformly (one draw over seeds × neighbours, as imbalanced-learn), then a step in [0, 1).
    /// </summary>
    public void Interpolate(int[] seeds, int[] neighbours, int k, int count, RandomArrays random, CancellationToken cancellation)
    {
        var picks = Draws.Integers(random, seeds.Length * k, count);
        var steps = Draws.Uniform(random, count);
        var width = rows.Width;
        for (var s = 0; s < count; s++)
        {
            if ((s & 4095) == 0) cancellation.ThrowIfCancellationRequested();
            var seed = rows.Row(seeds[picks[s] / k]);
            var neighbour = rows.Row(neighbours[picks[s]]);
            for (var j = 0; j < width; j++) _values.Add(seed[j] + steps[s] * (neighbour[j] - seed[j]));
            _classRows.Add(seeds[picks[s] / k]);
        }
    }

    /// <summary>
    /// The input rows followed by the synthetic rows, with the target extended to match. Columns keep their types:
    /// synthetic values of int64 columns are rounded and of bool columns thresholded at one half, as imbalanced-learn
    /// casts back to the input's type, so the steps after a sampler see the schema they were built for.
    /// </summary>
    public ResampledData Build(Frame features, Column target)
    {
        var n = rows.RowCount;
        var added = _classRows.Count;
        var width = rows.Width;
        var columns = new Column[width];
        for (var j = 0; j < width; j++)
        {
            var values = new double[n + added];
            for (var i = 0; i < n; i++) values[i] = rows.Values[(long)i * width + j];
            for (var i = 0; i < added; i++) values[n + i] = _values[i * width + j];
            columns[j] = features[rows.Names[j]].Type switch
            {
                DataType.Int64 => new Int64Column(rows.Names[j], Array.ConvertAll(values, v => (long)Math.Round(v))),
                DataType.Bool => new BoolColumn(rows.Names[j], Array.ConvertAll(values, v => v >= 0.5)),
                _ => new Float64Column(rows.Names[j], values),
            };
        }
        var targetRows = new int[n + added];
        var sourceRows = new int[n + added];
        for (var i = 0; i < n; i++) targetRows[i] = sourceRows[i] = i;
        for (var i = 0; i < added; i++)
        {
            // a synthetic row takes its class from its seed row
            targetRows[n + i] = _classRows[i];
            sourceRows[n + i] = -1;
        }
        return new ResampledData(new Frame(columns), target.Take(targetRows), null, sourceRows);
    }
}
