using static TorchSharp.torch;

namespace Kiln.Neural.Training;

/// <summary>A quantity reported during training but not minimised: the batch's sum over rows, averaged over the epoch.</summary>
public sealed class Metric
{
    readonly Func<Tensor, Tensor, Tensor> _rowSum;

    Metric(string name, Func<Tensor, Tensor, Tensor> rowSum)
    {
        Name = name;
        _rowSum = rowSum;
    }

    public string Name { get; }

    /// <summary>
    /// The share of rows predicted right, read from the outputs' shape as Keras does: one output per row is a probability
    /// thresholded at 0.5; targets shaped like the outputs are one-hot; otherwise targets are class indices.
    /// </summary>
    public static Metric Accuracy { get; } = new("accuracy", (output, target) =>
    {
        if (output.shape[^1] == 1)
            return (output.reshape(-1) > 0.5).to_type(ScalarType.Float32).eq(target.reshape(-1)).sum();
        var predicted = output.argmax(-1);
        var actual = target.shape.SequenceEqual(output.shape) ? target.argmax(-1) : target.to_type(ScalarType.Int64);
        return predicted.eq(actual).sum();
    });

    public static Metric MeanAbsoluteError { get; } = new("mae", (output, target) => (output - target.reshape(output.shape)).abs().sum() / output.shape[^1]);

    public static IReadOnlyList<Metric> All { get; } = [Accuracy, MeanAbsoluteError];

    public static Metric Named(string name) => All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown metric '{name}'; one of {string.Join(", ", All.Select(m => m.Name))}", nameof(name));

    /// <summary>The metric summed over the batch's rows.</summary>
    public double RowSum(Tensor output, Tensor target)
    {
        using var sum = _rowSum(output, target);
        return sum.to_type(ScalarType.Float64).item<double>();
    }

    public override string ToString() => Name;
}
