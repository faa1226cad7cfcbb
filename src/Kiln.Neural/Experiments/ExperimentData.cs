using System.Numerics.Tensors;

namespace Kiln.Neural.Experiments;

/// <summary>
/// The rows every variant of an experiment trains and is measured on: <see cref="X"/> and <see cref="Y"/> with the
/// last <see cref="ValidationSplit"/> of them held out to validate each epoch (as Fit does), and optional test rows.
/// </summary>
public sealed record ExperimentData(Tensor<float> X, Tensor<float> Y, double ValidationSplit = 0.2, Tensor<float>? TestX = null, Tensor<float>? TestY = null)
{
    /// <summary>How many rows train; the rest validate.</summary>
    public int TrainRows => (int)(X.Lengths[0] * (1 - ValidationSplit));

    public int ValidationRows => (int)X.Lengths[0] - TrainRows;

    /// <summary>The training rows and the held-out rows of <paramref name="values"/> (X or Y), each a tensor of its own.</summary>
    internal (Tensor<float> Train, Tensor<float> Validation) Split(Tensor<float> values)
    {
        var all = new float[values.FlattenedLength];
        values.FlattenTo(all);
        var width = all.Length / (int)values.Lengths[0];
        var rest = values.Lengths[1..].ToArray();
        return (Tensor.Create(all[..(TrainRows * width)], [TrainRows, .. rest]), Tensor.Create(all[(TrainRows * width)..], [ValidationRows, .. rest]));
    }
}
