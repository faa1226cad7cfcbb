using Kiln.Data;

namespace Kiln.Neural.Batches;

/// <summary>
/// Batches of rows drawn with replacement, each row with a chance in proportion to its weight (PyTorch's
/// WeightedRandomSampler with a DataLoader): <see cref="Balanced"/> weighs rows inversely to their class's size, so
/// rare classes are drawn as often as common ones — they are oversampled, their rows repeated. Each epoch's draws
/// come from <see cref="Seed"/> and the epoch number alone.
/// </summary>
public sealed class WeightedRandomSampler : IBatchSource
{
    readonly double[] _cumulative;
    readonly object _lock = new();
    (int Epoch, int[] Rows)? _current;

    /// <summary>
    /// Draws <paramref name="rowsPerEpoch"/> rows (by default as many as the dataset has) per epoch, in batches of
    /// <paramref name="batchSize"/>, row i with a chance of weights[i] / Σ weights.
    /// </summary>
    public WeightedRandomSampler(IDataset dataset, IReadOnlyList<double> weights, int batchSize = 32, int? rowsPerEpoch = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (weights.Count != dataset.Count) throw new ArgumentException($"{weights.Count} weights for {dataset.Count} rows", nameof(weights));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        if (rowsPerEpoch < 1) throw new ArgumentOutOfRangeException(nameof(rowsPerEpoch), rowsPerEpoch, "an epoch needs at least 1 row");
        _cumulative = new double[weights.Count];
        double total = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] >= 0) || !double.IsFinite(weights[i]))
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"the weight of row {i} must be a number of at least 0");
            total += weights[i];
            _cumulative[i] = total;
        }
        if (total <= 0) throw new ArgumentException("at least one row needs a weight above 0", nameof(weights));
        (Dataset, BatchSize, RowCount, Seed) = (dataset, batchSize, rowsPerEpoch ?? dataset.Count, seed);
    }

    /// <summary>Draws every class equally often: each row weighs 1 / (rows of its class).</summary>
    public static WeightedRandomSampler Balanced(IDataset dataset, int batchSize = 32, int? rowsPerEpoch = null, long seed = 0)
    {
        var classes = dataset.RowClasses ?? throw new ArgumentException("balanced sampling needs a dataset whose targets are classes", nameof(dataset));
        var counts = classes.CountBy(c => c).ToDictionary();
        return new WeightedRandomSampler(dataset, [.. classes.Select(c => 1.0 / counts[c])], batchSize, rowsPerEpoch, seed);
    }

    public IDataset Dataset { get; }

    public int BatchSize { get; }

    public long Seed { get; }

    public IReadOnlyList<IReadOnlyList<long>> InputShapes => Dataset.InputShapes;

    public int BatchCount => (RowCount + BatchSize - 1) / BatchSize;

    public int RowCount { get; }

    public Batch Read(int epoch, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if ((uint)index >= (uint)BatchCount) throw new ArgumentOutOfRangeException(nameof(index), index, $"an epoch has {BatchCount} batches");
        var first = index * BatchSize;
        return Dataset.Read(Draws(epoch).AsSpan(first, Math.Min(BatchSize, RowCount - first)));
    }

    /// <summary>The rows an epoch draws, in order.</summary>
    public IReadOnlyList<int> Rows(int epoch) => Draws(epoch);

    int[] Draws(int epoch)
    {
        lock (_lock)
        {
            if (_current is { } current && current.Epoch == epoch) return current.Rows;
            var uniform = new RandomArrays(Seeds.Derive(Seed, epoch)).Uniform(RowCount);
            var total = _cumulative[^1];
            var rows = new int[RowCount];
            for (var i = 0; i < rows.Length; i++)
            {
                var at = Array.BinarySearch(_cumulative, uniform[i] * total);
                // the first row whose cumulative weight exceeds the draw; rows of weight 0 are never chosen
                at = at < 0 ? ~at : at + 1;
                while (at < _cumulative.Length - 1 && _cumulative[at] == (at == 0 ? 0 : _cumulative[at - 1])) at++;
                rows[i] = Math.Min(at, _cumulative.Length - 1);
            }
            _current = (epoch, rows);
            return rows;
        }
    }
}
