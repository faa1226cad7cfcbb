namespace Kiln.Neural.Batches;

/// <summary>Some rows of a dataset, in a given order (PyTorch's Subset): a split's training or validation part.</summary>
public sealed class Subset : IDataset
{
    readonly int[] _rows;

    public Subset(IDataset dataset, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (rows.Count == 0) throw new ArgumentException("a subset needs at least one row", nameof(rows));
        foreach (var row in rows)
            if ((uint)row >= (uint)dataset.Count) throw new ArgumentOutOfRangeException(nameof(rows), row, $"row {row} is outside the dataset's {dataset.Count} rows");
        Dataset = dataset;
        _rows = [.. rows];
        if (dataset.RowClasses is { } classes) RowClasses = [.. _rows.Select(r => classes[r])];
    }

    /// <summary>The whole dataset the rows are taken from.</summary>
    public IDataset Dataset { get; }

    /// <summary>Which rows of <see cref="Dataset"/> this subset's rows are.</summary>
    public IReadOnlyList<int> Rows => _rows;

    public int Count => _rows.Length;

    public IReadOnlyList<IReadOnlyList<long>> InputShapes => Dataset.InputShapes;

    public IReadOnlyList<int>? RowClasses { get; }

    public Batch Read(ReadOnlySpan<int> rows)
    {
        var mapped = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            mapped[i] = (uint)rows[i] < (uint)_rows.Length ? _rows[rows[i]]
                : throw new ArgumentOutOfRangeException(nameof(rows), rows[i], $"row {rows[i]} is outside the subset's {_rows.Length} rows");
        return Dataset.Read(mapped);
    }
}
