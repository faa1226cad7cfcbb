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

    /// <summary><paramref name="count"/> rows of <paramref name="values"/> from row <paramref name="start"/>, as a tensor of their own.</summary>
    internal static Tensor<float> Rows(Tensor<float> values, int start, int count)
    {
        var width = (int)(values.FlattenedLength / values.Lengths[0]);
        var all = new float[values.FlattenedLength];
        values.FlattenTo(all);
        return Tensor.Create(all[(start * width)..((start + count) * width)], [count, .. values.Lengths[1..]]);
    }
}
