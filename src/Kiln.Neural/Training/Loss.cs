using TorchSharp;
using static TorchSharp.torch;

namespace Kiln.Neural.Training;

/// <summary>
/// What training minimises, as Keras' losses compute it from a model's outputs (probabilities for the cross-entropies,
/// which are clipped to [1e-7, 1 − 1e-7] as Keras does) and the targets, averaged over the batch.
/// </summary>
public sealed class Loss
{
    const double Epsilon = 1e-7;

    readonly Func<Tensor, Tensor, Tensor> _compute;

    Loss(string name, Func<Tensor, Tensor, Tensor> compute)
    {
        Name = name;
        _compute = compute;
    }

    public string Name { get; }

    /// <summary>Targets are class indices 0 … k−1; outputs are k class probabilities (a softmax layer last).</summary>
    public static Loss SparseCategoricalCrossentropy { get; } = new("sparse-categorical-crossentropy",
        (output, target) => nn.functional.nll_loss(output.clamp(Epsilon, 1 - Epsilon).log(), target.to_type(ScalarType.Int64)));

    /// <summary>Targets are one-hot rows; outputs are class probabilities.</summary>
    public static Loss CategoricalCrossentropy { get; } = new("categorical-crossentropy", (output, target) =>
    {
        var probabilities = output / output.sum(-1, keepdim: true);
        return -(target * probabilities.clamp(Epsilon, 1 - Epsilon).log()).sum(-1).mean();
    });

    /// <summary>Targets are 0 or 1; outputs are one probability each (a sigmoid unit last).</summary>
    public static Loss BinaryCrossentropy { get; } = new("binary-crossentropy", (output, target) =>
    {
        var p = output.clamp(Epsilon, 1 - Epsilon);
        var t = target.reshape(p.shape);
        return -(t * p.log() + (1 - t) * (1 - p).log()).mean();
    });

    public static Loss MeanSquaredError { get; } = new("mean-squared-error", (output, target) => (output - target.reshape(output.shape)).square().mean());

    public static Loss MeanAbsoluteError { get; } = new("mean-absolute-error", (output, target) => (output - target.reshape(output.shape)).abs().mean());

    /// <summary>Every loss by its name, for configuration files and the command line.</summary>
    public static IReadOnlyList<Loss> All { get; } =
        [SparseCategoricalCrossentropy, CategoricalCrossentropy, BinaryCrossentropy, MeanSquaredError, MeanAbsoluteError];

    public static Loss Named(string name) => All.FirstOrDefault(l => l.Name == name)
        ?? throw new ArgumentException($"unknown loss '{name}'; one of {string.Join(", ", All.Select(l => l.Name))}", nameof(name));

    /// <summary>The batch's mean loss, a scalar that can be differentiated.</summary>
    public Tensor Compute(Tensor output, Tensor target) => _compute(output, target);

    public override string ToString() => Name;
}
