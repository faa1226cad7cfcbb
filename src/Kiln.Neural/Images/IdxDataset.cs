using Kiln.Data;
using Kiln.Neural.Batches;
using Kiln.Neural.Packaging;
using Tensor = System.Numerics.Tensors.Tensor;

namespace Kiln.Neural.Images;

/// <summary>IDX images (MNIST, Fashion-MNIST) as an in-memory dataset: pixels preprocessed, labels as the targets.</summary>
public static class IdxDataset
{
    /// <summary>
    /// The images scaled by <paramref name="preprocessing"/> in rows of <paramref name="rowShape"/> (any shape holding
    /// height × width values: [1, 28, 28], [28, 28] or [784]; by default [1, height, width]), their labels as class
    /// indices or one-hot rows of <paramref name="classCount"/> (by default the largest label plus one).
    /// </summary>
    public static TensorDataset Create(IdxImageSet images, ImagePreprocessing preprocessing, IReadOnlyList<long>? rowShape = null,
        LabelMode labels = LabelMode.Index, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        long[] shape = rowShape is null ? [1, images.Height, images.Width] : [.. rowShape];
        if (shape.Aggregate(1L, (a, b) => a * b) != images.Height * images.Width)
            throw new ArgumentException(
                $"rows of shape [{string.Join(", ", shape)}] do not hold one {images.Height}×{images.Width} greyscale image; use [1, {images.Height}, {images.Width}] or [{images.Height * images.Width}]", nameof(rowShape));
        var classes = classCount ?? images.ClassCount;
        if (images.Labels.Any(l => l >= classes))
            throw new ArgumentException($"a label of {images.Labels.Max()} does not fit {classes} classes", nameof(classCount));
        var values = new float[images.Pixels.Length];
        for (var i = 0; i < values.Length; i++) values[i] = images.Pixels[i];
        preprocessing.Apply(values);
        var x = Tensor.Create(values, [images.Count, .. shape.Select(d => (nint)d)]);
        return new TensorDataset(x, Targets(images.Labels, classes, labels));
    }

    static System.Numerics.Tensors.Tensor<float> Targets(byte[] labels, int classCount, LabelMode mode)
    {
        if (mode == LabelMode.Index) return Tensor.Create([.. labels.Select(l => (float)l)], [labels.Length]);
        var values = new float[labels.Length * classCount];
        for (var i = 0; i < labels.Length; i++) values[i * classCount + labels[i]] = 1;
        return Tensor.Create(values, [labels.Length, classCount]);
    }
}
