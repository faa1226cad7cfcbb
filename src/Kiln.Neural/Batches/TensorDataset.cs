using TorchSharp;

namespace Kiln.Neural.Batches;

/// <summary>
/// Rows held in memory (PyTorch's TensorDataset): one array per input whose first dimension is the row, the targets
/// when there are any and optionally one loss weight per row. The arrays are copied to native memory once, which
/// disposing the dataset frees.
/// </summary>
public sealed class TensorDataset : IDataset, IDisposable
{
    readonly torch.Tensor[] _inputs;
    readonly torch.Tensor? _targets;
    readonly torch.Tensor? _weights;
    readonly Lazy<IReadOnlyList<int>?> _classes;

    /// <summary>A one-input dataset; see the overload taking one array per input.</summary>
    public TensorDataset(System.Numerics.Tensors.Tensor<float> x, System.Numerics.Tensors.Tensor<float>? y = null, IReadOnlyList<float>? sampleWeights = null)
        : this([x], y, sampleWeights) { }

    /// <summary>Rows of <paramref name="x"/> (one array per input) with targets <paramref name="y"/> and sample weights when given.</summary>
    public TensorDataset(IReadOnlyList<System.Numerics.Tensors.Tensor<float>> x, System.Numerics.Tensors.Tensor<float>? y = null, IReadOnlyList<float>? sampleWeights = null)
    {
        if (x.Count == 0) throw new ArgumentException("a dataset needs at least one input array", nameof(x));
        for (var i = 0; i < x.Count; i++)
        {
            var name = x.Count == 1 ? "x" : $"x[{i}]";
            if (x[i].Rank < 1) throw new ArgumentException($"{name} has no row dimension", nameof(x));
            if (x[i].Lengths[0] != x[0].Lengths[0]) throw new ArgumentException($"x[0] has {x[0].Lengths[0]} rows but {name} has {x[i].Lengths[0]}", nameof(x));
        }
        Count = (int)x[0].Lengths[0];
        if (Count == 0) throw new ArgumentException("x has no rows", nameof(x));
        if (y is not null && y.Lengths[0] != Count) throw new ArgumentException($"x has {Count} rows but y has {y.Lengths[0]}", nameof(y));
        if (sampleWeights is not null && sampleWeights.Count != Count) throw new ArgumentException($"{sampleWeights.Count} sample weights for {Count} rows", nameof(sampleWeights));
        if (sampleWeights?.Any(w => !(w >= 0) || !float.IsFinite(w)) == true)
            throw new ArgumentOutOfRangeException(nameof(sampleWeights), "sample weights must be numbers of at least 0");
        InputShapes = [.. x.Select(t => (IReadOnlyList<long>)[.. t.Lengths[1..].ToArray().Select(d => (long)d)])];
        _inputs = [.. x.Select(Batch.ToTorch)];
        _targets = y is null ? null : Batch.ToTorch(y);
        _weights = sampleWeights is null ? null : torch.tensor(sampleWeights.ToArray());
        _classes = new(ClassesOfTargets);
    }

    public int Count { get; }

    public IReadOnlyList<IReadOnlyList<long>> InputShapes { get; }

    /// <summary>The targets as class indices (whole numbers of at least 0, or the largest entry of each row), or null for other targets.</summary>
    public IReadOnlyList<int>? RowClasses => _classes.Value;

    public Batch Read(ReadOnlySpan<int> rows)
    {
        if (rows.Length == 0) throw new ArgumentException("a batch needs at least one row", nameof(rows));
        foreach (var row in rows)
            if ((uint)row >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(rows), row, $"row {row} is outside the dataset's {Count} rows");
        if (IsRange(rows))
        {
            // a run of consecutive rows is a view, which costs no copy
            var (first, length) = (rows[0], rows.Length);
            return new Batch([.. _inputs.Select(t => t.narrow(0, first, length))], _targets?.narrow(0, first, length), _weights?.narrow(0, first, length));
        }
        var index = torch.tensor(rows.ToArray().Select(r => (long)r).ToArray());
        return new Batch([.. _inputs.Select(t => t.index_select(0, index))], _targets?.index_select(0, index), _weights?.index_select(0, index));
    }

    public void Dispose()
    {
        foreach (var input in _inputs) input.Dispose();
        _targets?.Dispose();
        _weights?.Dispose();
    }

    static bool IsRange(ReadOnlySpan<int> rows)
    {
        for (var i = 1; i < rows.Length; i++)
            if (rows[i] != rows[i - 1] + 1) return false;
        return true;
    }

    IReadOnlyList<int>? ClassesOfTargets()
    {
        if (_targets is null) return null;
        using var scope = torch.NewDisposeScope();
        if (_targets.dim() > 1 && _targets.shape[^1] > 1)
            return [.. _targets.reshape(Count, -1).argmax(-1).to_type(torch.ScalarType.Int32).contiguous().data<int>().ToArray()];
        var values = _targets.reshape(Count).contiguous().data<float>().ToArray();
        var classes = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            if (!(values[i] >= 0) || values[i] != MathF.Floor(values[i]) || values[i] > int.MaxValue) return null;
            classes[i] = (int)values[i];
        }
        return classes;
    }
}
