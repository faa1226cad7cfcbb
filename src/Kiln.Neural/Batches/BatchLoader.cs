using Kiln.Data;

namespace Kiln.Neural.Batches;

/// <summary>
/// Batches of a dataset's rows (PyTorch's DataLoader): in order, or shuffled afresh each epoch by an order drawn from
/// <see cref="Seed"/> and the epoch number alone, so epoch 3 is the same whether or not epochs 0–2 were read. The
/// last batch holds the rows left over.
/// </summary>
public sealed class BatchLoader : IBatchSource
{
    readonly object _lock = new();
    (int Epoch, int[] Order)? _current;

    public BatchLoader(IDataset dataset, int batchSize = 32, bool shuffle = true, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        if (dataset.Count < 1) throw new ArgumentException("the dataset has no rows", nameof(dataset));
        (Dataset, BatchSize, Shuffle, Seed) = (dataset, batchSize, shuffle, seed);
    }

    public IDataset Dataset { get; }

    public int BatchSize { get; }

    public bool Shuffle { get; }

    public long Seed { get; }

    public IReadOnlyList<IReadOnlyList<long>> InputShapes => Dataset.InputShapes;

    public int BatchCount => (Dataset.Count + BatchSize - 1) / BatchSize;

    public int RowCount => Dataset.Count;

    public Batch Read(int epoch, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if ((uint)index >= (uint)BatchCount) throw new ArgumentOutOfRangeException(nameof(index), index, $"an epoch has {BatchCount} batches");
        var first = index * BatchSize;
        var count = Math.Min(BatchSize, Dataset.Count - first);
        return Dataset.Read(OrderOf(epoch).AsSpan(first, count));
    }

    /// <summary>The order of the rows in an epoch: 0 … n − 1, or a permutation drawn from the seed and the epoch.</summary>
    public IReadOnlyList<int> Order(int epoch) => OrderOf(epoch);

    int[] OrderOf(int epoch)
    {
        lock (_lock)
        {
            if (_current is { } current && current.Epoch == epoch) return current.Order;
            var order = new int[Dataset.Count];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            if (Shuffle) new RandomArrays(Seeds.Derive(Seed, epoch)).Shuffle<int>(order);
            _current = (epoch, order);
            return order;
        }
    }
}
