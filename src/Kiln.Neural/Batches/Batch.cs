using TorchSharp;
using Tensor = System.Numerics.Tensors.Tensor;

namespace Kiln.Neural.Batches;

/// <summary>
/// One batch of rows: one array per model input (rows first), the targets when the rows are labelled, and optionally
/// one loss weight per row. Read inside a training step, its arrays live until the step ends.
/// </summary>
public sealed class Batch
{
    /// <summary>A one-input batch; see the overload taking one array per input.</summary>
    public Batch(System.Numerics.Tensors.Tensor<float> input, System.Numerics.Tensors.Tensor<float>? targets = null, IReadOnlyList<float>? weights = null)
        : this([input], targets, weights) { }

    /// <summary>A batch from arrays whose first dimension is the row, one per input, with the rows' targets and weights when known.</summary>
    public Batch(IReadOnlyList<System.Numerics.Tensors.Tensor<float>> inputs, System.Numerics.Tensors.Tensor<float>? targets = null, IReadOnlyList<float>? weights = null)
    {
        if (inputs.Count == 0) throw new ArgumentException("a batch needs at least one input array", nameof(inputs));
        var rows = inputs[0].Lengths[0];
        for (var i = 0; i < inputs.Count; i++)
            if (inputs[i].Rank < 1 || inputs[i].Lengths[0] != rows)
                throw new ArgumentException($"batch: input 0 has {rows} rows but input {i} has {(inputs[i].Rank < 1 ? 0 : inputs[i].Lengths[0])}", nameof(inputs));
        if (targets is not null && (targets.Rank < 1 || targets.Lengths[0] != rows))
            throw new ArgumentException($"batch: the inputs have {rows} rows but the targets have {(targets.Rank < 1 ? 0 : targets.Lengths[0])}", nameof(targets));
        if (weights is not null && weights.Count != rows)
            throw new ArgumentException($"batch: {weights.Count} weights for {rows} rows", nameof(weights));
        if (weights?.Any(w => !(w >= 0) || !float.IsFinite(w)) == true)
            throw new ArgumentOutOfRangeException(nameof(weights), "batch: row weights must be numbers of at least 0");
        Inputs = [.. inputs.Select(ToTorch)];
        Targets = targets is null ? null : ToTorch(targets);
        Weights = weights is null ? null : torch.tensor(weights.ToArray());
    }

    internal Batch(IReadOnlyList<torch.Tensor> inputs, torch.Tensor? targets, torch.Tensor? weights) =>
        (Inputs, Targets, Weights) = (inputs, targets, weights);

    /// <summary>How many rows the batch holds.</summary>
    public int Rows => (int)Inputs[0].shape[0];

    /// <summary>How many input arrays the batch holds.</summary>
    public int InputCount => Inputs.Count;

    /// <summary>Whether the rows come with targets (prediction-only sources have none).</summary>
    public bool HasTargets => Targets is not null;

    internal IReadOnlyList<torch.Tensor> Inputs { get; }

    internal torch.Tensor? Targets { get; }

    internal torch.Tensor? Weights { get; }

    /// <summary>A copy of one input's rows.</summary>
    public System.Numerics.Tensors.Tensor<float> InputArray(int index = 0) => ToArray(Inputs[index]);

    /// <summary>A copy of the targets, or null when the batch has none.</summary>
    public System.Numerics.Tensors.Tensor<float>? TargetArray() => Targets is null ? null : ToArray(Targets);

    /// <summary>A copy of the row weights, or null when the batch has none.</summary>
    public float[]? WeightArray() => Weights?.contiguous().data<float>().ToArray();

    /// <summary>The same targets and weights with new inputs (an augmented copy of the rows).</summary>
    internal Batch WithInputs(IReadOnlyList<torch.Tensor> inputs) => new(inputs, Targets, Weights);

    /// <summary>The row shape of each input, without the batch dimension.</summary>
    internal IEnumerable<long[]> RowShapes() => Inputs.Select(t => t.shape[1..]);

    internal static torch.Tensor ToTorch(System.Numerics.Tensors.Tensor<float> values)
    {
        var data = new float[values.FlattenedLength];
        values.FlattenTo(data);
        return torch.tensor(data, [.. values.Lengths.ToArray().Select(d => (long)d)]);
    }

    static System.Numerics.Tensors.Tensor<float> ToArray(torch.Tensor values)
    {
        var flat = values.to_type(torch.ScalarType.Float32).contiguous();
        return Tensor.Create(flat.data<float>().ToArray(), [.. values.shape.Select(d => (nint)d)]);
    }
}
